import { crimeTileCellMaxZoom } from '@lantern/domain';
import { bumpDataVersion } from './data-version.ts';
import type { Sql } from './sql.ts';

/** Cluster cells per tile side (a tile's 4096 units in cells of 64). */
export const cellsPerTile = 64;

/*
 * Police.uk crime pre-clustered for the map (table crime_tile_cell). A tile of zoom z below 15
 * clusters its points into cells of 64 tile units; those cells are the same everywhere at that
 * zoom, so they are counted once per month and crime type, with the sums of the points' Web
 * Mercator coordinates (a cluster's position is their mean). At zoom 15 a tile clusters only the
 * points in the same tile unit (police.uk snaps crimes to shared anonymised points, so those
 * stack): a unit of zoom 15 is a 64-unit cell of zoom 21, so those are kept as level 21. Levels
 * 0–14 and 21 are kept, and no crime tile scans points: the busiest national tiles held up to
 * 183,000 points at zoom 12–14 and 26,800 at 15, where their cells are at most 66 × 66 per month
 * and crime type (bench/tiles.bench.ts).
 *
 * Every statement that writes crime_event marks the months it touched (triggers, migration
 * 20261201090000_crime_tile_cells); writers call `refreshCrimeTileCells` before they commit, and
 * a tile falls back to the points while any month is still marked, so a tile is never stale.
 * The deepest zoom counted is the domain's `crimeTileCellMaxZoom`.
 */

/** Tile units per cluster at zoom z: 64 below zoom 15, and from 15 only the points in one unit. */
export function clusterCellUnits(z: number): number {
  return z >= 15 ? 1 : 64;
}
/** The level of crime_tile_cell that holds zoom z's clusters: z itself below 15, 21 at 15. */
export function crimeCellLevel(z: number): number {
  return z + Math.log2(cellsPerTile / clusterCellUnits(z));
}
/** The levels kept, coarsest first: each is counted from the next finer one. */
const crimeCellLevels = [
  ...Array.from({ length: crimeTileCellMaxZoom }, (_, z) => z),
  crimeCellLevel(crimeTileCellMaxZoom),
];
/**
 * Levels 0–13 also keep each cell's totals over every month and type (crime_tile_total), for
 * tiles without a date or type filter, the map's default: at these zooms a cell holds crimes of
 * most months, and the busiest national tiles summed 110,000–236,000 month-and-type rows (z13:
 * 84 ms cold at p95 from the month rows). From zoom 14 the month rows are few enough (38 ms).
 */
export const crimeTileTotalMaxZoom = 13;
/** Half the side of the Web Mercator square, in EPSG:3857 metres. */
export const webMercatorHalf = 20_037_508.342_789_244;

/**
 * SQL for the EPSG:3857 coordinates of a WGS 84 point expression: spherical Mercator on the
 * 6,378,137 m sphere, which is what ST_Transform(geom, 3857) computes, without its PROJ call per
 * point (and without the PROJ start-up each parallel worker paid: the busiest national z15 tile
 * took 145 ms with ST_Transform, 26 ms with these). The tiles and their cells both project with it,
 * so a point falls in the same cell either way.
 */
export function webMercatorSql(point: string): { x: string; y: string } {
  return {
    x: `(6378137 * radians(ST_X(${point})))`,
    y: `(6378137 * ln(tan(pi() / 4 + radians(ST_Y(${point})) / 2)))`,
  };
}
const mercator = webMercatorSql('geom');

/**
 * Rebuilds the cells of every month marked stale, and the totals of every cell they touched
 * before or after; returns the months rebuilt (YYYY-MM-DD). Run it inside a transaction (the
 * writers' own): the cells and totals of a month change together or not at all.
 */
export async function refreshCrimeTileCells(sql: Sql): Promise<string[]> {
  const stale = await sql.query<{ month: string }>(
    `DELETE FROM crime_tile_stale_month RETURNING to_char(month, 'YYYY-MM-DD') AS month`,
  );
  const months = stale.map((row) => row.month).sort();
  if (months.length === 0) return months;
  // Low-zoom crime tiles read these cells: cached ones of the old counts must not be served.
  await bumpDataVersion(sql, 'crime');
  // The counts below sort and group up to a row per crime: in memory, for this transaction only.
  await sql.query(`SELECT set_config('work_mem', '64MB', true)`);
  // The cells whose totals these months change: those they held before, and (below) after.
  await sql.query(
    `CREATE TEMPORARY TABLE IF NOT EXISTS crime_tile_touched (z smallint, cx int, cy int, PRIMARY KEY (z, cx, cy))
     ON COMMIT DROP`,
  );
  await sql.query('DELETE FROM crime_tile_touched');
  await sql.query(touchedCells, [months, crimeTileTotalMaxZoom]);
  await sql.query('DELETE FROM crime_tile_cell WHERE month = ANY($1::date[])', [months]);
  // Rows are written in key order, so a tile's cells sit on a few pages per month rather than
  // one page a cell. The finest level from the points ...
  const finest = crimeCellLevels.at(-1) as number;
  await sql.query(
    `INSERT INTO crime_tile_cell (z, cx, cy, month, crime_type, n, sx, sy)
     SELECT $2::smallint, floor((p.x + $3::float8) / $4::float8)::int, floor((p.y + $3::float8) / $4::float8)::int,
       p.month, p.crime_type, count(*)::int, sum(p.x), sum(p.y)
     FROM (
       SELECT ${mercator.x} AS x, ${mercator.y} AS y, month, crime_type FROM crime_event
       WHERE geom IS NOT NULL AND month = ANY($1::date[])
     ) p
     GROUP BY 2, 3, 4, 5
     ORDER BY 2, 3`,
    [months, finest, webMercatorHalf, cellSize(finest)],
  );
  // ... and each coarser level from the next finer one: a cell is exactly its 2 × 2 children, or
  // (zoom 14 from level 21) its 128 × 128.
  for (let index = crimeCellLevels.length - 2; index >= 0; index--) {
    const [level, child] = [crimeCellLevels[index] as number, crimeCellLevels[index + 1] as number];
    const ratio = 2 ** (child - level);
    await sql.query(
      `INSERT INTO crime_tile_cell (z, cx, cy, month, crime_type, n, sx, sy)
       SELECT $2::smallint, cx / $4::int, cy / $4::int, month, crime_type, sum(n)::int, sum(sx), sum(sy)
       FROM crime_tile_cell WHERE z = $3::smallint AND month = ANY($1::date[])
       GROUP BY cx / $4::int, cy / $4::int, month, crime_type
       ORDER BY cx / $4::int, cy / $4::int`,
      [months, level, child, ratio],
    );
  }
  await sql.query(touchedCells, [months, crimeTileTotalMaxZoom]);
  await sql.query(
    `DELETE FROM crime_tile_total t USING crime_tile_touched k WHERE t.z = k.z AND t.cx = k.cx AND t.cy = k.cy`,
  );
  // The commonest type as a tile's clustering finds it: most crimes, ties to the first by name.
  await sql.query(
    `INSERT INTO crime_tile_total (z, cx, cy, n, sx, sy, month, crime_type)
     SELECT z, cx, cy, sum(n)::int, sum(sx), sum(sy), max(month), (array_agg(crime_type ORDER BY n DESC, crime_type))[1]
     FROM (
       SELECT c.z, c.cx, c.cy, c.crime_type, sum(c.n) AS n, sum(c.sx) AS sx, sum(c.sy) AS sy, max(c.month) AS month
       FROM crime_tile_touched k
       JOIN crime_tile_cell c ON c.z = k.z AND c.cx = k.cx AND c.cy = k.cy
       GROUP BY c.z, c.cx, c.cy, c.crime_type
     ) typed
     GROUP BY z, cx, cy
     ORDER BY z, cx, cy`,
  );
  return months;
}

const touchedCells = `INSERT INTO crime_tile_touched (z, cx, cy)
  SELECT DISTINCT z, cx, cy FROM crime_tile_cell WHERE month = ANY($1::date[]) AND z <= $2::smallint
  ON CONFLICT DO NOTHING`;

/** Whether every month's cells match crime_event (no month is marked stale). */
export async function crimeTileCellsCurrent(sql: Sql): Promise<boolean> {
  const [row] = await sql.query<{ stale: boolean }>('SELECT EXISTS (SELECT 1 FROM crime_tile_stale_month) AS stale');
  return row?.stale === false;
}

/** The side of a level-z cell in EPSG:3857 metres. */
export function cellSize(z: number): number {
  return (2 * webMercatorHalf) / 2 ** z / cellsPerTile;
}

/** SQL for the zoom-z tile (x, and y from the north) that holds the level-z cell (`cx`, `cy`), z ≤ 14. */
export function cellTileSql(z: number): { x: string; y: string } {
  return { x: `(cx / ${cellsPerTile})`, y: `(${2 ** z - 1} - cy / ${cellsPerTile})` };
}
