import { bumpDataVersion } from './data-version.ts';
import type { Sql } from './sql.ts';

/**
 * Police.uk crime pre-clustered for the map's low zooms (table crime_tile_cell). A tile of zoom z
 * clusters its points into cells of 64 tile units; those cells are the same everywhere at that
 * zoom, so they are counted once per month and crime type, with the sums of the points' Web
 * Mercator coordinates (a cluster's position is their mean). Levels below 12 are kept: from zoom
 * 12 a tile holds few enough crimes to cluster its points directly.
 *
 * Every statement that writes crime_event marks the months it touched (triggers, migration
 * 20261201090000_crime_tile_cells); writers call `refreshCrimeTileCells` before they commit, and
 * a tile falls back to the points while any month is still marked, so a tile is never stale.
 */
export const crimeTileCellMaxZoom = 11;
/** Half the side of the Web Mercator square, in EPSG:3857 metres. */
export const webMercatorHalf = 20_037_508.342_789_244;
/** Cluster cells per tile side (a tile's 4096 units in cells of 64). */
export const cellsPerTile = 64;

/** Rebuilds the cells of every month marked stale; returns the months rebuilt (YYYY-MM-DD). */
export async function refreshCrimeTileCells(sql: Sql): Promise<string[]> {
  const stale = await sql.query<{ month: string }>(
    `DELETE FROM crime_tile_stale_month RETURNING to_char(month, 'YYYY-MM-DD') AS month`,
  );
  const months = stale.map((row) => row.month).sort();
  if (months.length === 0) return months;
  // Low-zoom crime tiles read these cells: cached ones of the old counts must not be served.
  await bumpDataVersion(sql, 'crime');
  await sql.query('DELETE FROM crime_tile_cell WHERE month = ANY($1::date[])', [months]);
  // The finest level from the points, projected once each ...
  await sql.query(
    `INSERT INTO crime_tile_cell (z, cx, cy, month, crime_type, n, sx, sy)
     SELECT $2::smallint, floor((p.x + $3::float8) / $4::float8)::int, floor((p.y + $3::float8) / $4::float8)::int,
       p.month, p.crime_type, count(*)::int, sum(p.x), sum(p.y)
     FROM (
       SELECT ST_X(g) AS x, ST_Y(g) AS y, month, crime_type
       FROM (SELECT ST_Transform(geom, 3857) AS g, month, crime_type FROM crime_event
             WHERE geom IS NOT NULL AND month = ANY($1::date[])) t
     ) p
     GROUP BY 2, 3, 4, 5`,
    [months, crimeTileCellMaxZoom, webMercatorHalf, cellSize(crimeTileCellMaxZoom)],
  );
  // ... and each coarser level from the one below it: a cell is exactly four of its children.
  for (let z = crimeTileCellMaxZoom - 1; z >= 0; z--) {
    await sql.query(
      `INSERT INTO crime_tile_cell (z, cx, cy, month, crime_type, n, sx, sy)
       SELECT $2::smallint, cx / 2, cy / 2, month, crime_type, sum(n)::int, sum(sx), sum(sy)
       FROM crime_tile_cell WHERE z = $2::smallint + 1 AND month = ANY($1::date[])
       GROUP BY cx / 2, cy / 2, month, crime_type`,
      [months, z],
    );
  }
  return months;
}

/** Whether every month's cells match crime_event (no month is marked stale). */
export async function crimeTileCellsCurrent(sql: Sql): Promise<boolean> {
  const [row] = await sql.query<{ stale: boolean }>('SELECT EXISTS (SELECT 1 FROM crime_tile_stale_month) AS stale');
  return row?.stale === false;
}

/** The side of a level-z cell in EPSG:3857 metres. */
export function cellSize(z: number): number {
  return (2 * webMercatorHalf) / 2 ** z / cellsPerTile;
}
