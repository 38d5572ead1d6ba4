import { crimeTileCellMaxZoom, type IntelligenceAudience, type TileLayer } from '@lantern/domain';
import vtpbf from 'vt-pbf';
import { clusterCellUnits, crimeCellLevel, crimeTileTotalMaxZoom, webMercatorSql } from './crime-tile-cells.ts';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Vector tiles for the map's dense point layers. Points are clustered in the database: below
 * zoom 15 into cells of 64 tile units (a 64th of the tile), from zoom 15 only points at the same
 * spot merge (police.uk snaps crimes to shared anonymised points, so those stack). Each feature
 * carries `count` and the commonest type in it, so a client draws clusters without downloading
 * the points. PostGIS encodes with ST_AsMVT; PGlite's PostGIS has no protobuf, so the same rows
 * are encoded in process with vt-pbf. Both paths share the SQL that picks and clusters points.
 * Crime is clustered from cells counted in advance (crime-tile-cells.ts) up to zoom 15.
 */

export const tileExtent = 4096;
const mercator = webMercatorSql('s.geom');
const tileBuffer = 64;

export interface TileRequest {
  layer: TileLayer;
  z: number;
  x: number;
  y: number;
  /** Inclusive Europe/London dates (YYYY-MM-DD) bounding the events' dates. */
  from?: string | undefined;
  to?: string | undefined;
  /** Crime types (crime) or intelligence categories (intelligence); empty or absent = all. */
  types?: readonly string[] | undefined;
  /** Districts whose events the caller may see. Crime is open data and ignores it. */
  scope: DistrictScope;
  /** Leave out clusters of fewer events than this (small-number suppression); default none. */
  minCount?: number | undefined;
  /** Who the intelligence layer is drawn for (share-back, `sharedIntelligenceSql`); partners unless said. */
  intelligenceAudience?: IntelligenceAudience | undefined;
}

/** One clustered feature as the database returns it: tile coordinates and its properties. */
export interface TileFeatureRow {
  tx: number;
  ty: number;
  count: number;
  kind: string | null;
  month: string | null;
}

const scopeCondition = (scope: DistrictScope) => districtScopeSql(Prisma.sql`s.district_code`, scope);

/** Whether the caller's districts limit the layer's tiles: crime is open data, the same for everyone. */
export function tileUsesScope(layer: TileLayer): boolean {
  return layer !== 'crime';
}

/** Inclusive Europe/London dates on a timestamp column, as index-friendly bounds. */
function dateRange(column: Prisma.Sql, request: TileRequest): Prisma.Sql {
  const from = request.from
    ? Prisma.sql`AND ${column} >= (${request.from}::date::timestamp AT TIME ZONE 'Europe/London')`
    : Prisma.empty;
  const to = request.to
    ? Prisma.sql`AND ${column} < ((${request.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`
    : Prisma.empty;
  return Prisma.sql`${from} ${to}`;
}

/** The layer's points as (geom, event date, kind, district_code), filtered by date, type and scope. */
function layerSource(request: TileRequest): Prisma.Sql {
  const types = request.types && request.types.length > 0 ? [...request.types] : null;
  switch (request.layer) {
    case 'crime':
      return Prisma.sql`
        SELECT c.geom, c.month AS day, c.crime_type AS kind, c.district_code FROM crime_event c
        WHERE c.geom IS NOT NULL
          ${request.from ? Prisma.sql`AND c.month >= date_trunc('month', ${request.from}::date)::date` : Prisma.empty}
          ${request.to ? Prisma.sql`AND c.month <= ${request.to}::date` : Prisma.empty}
          ${types ? Prisma.sql`AND c.crime_type = ANY(${types}::text[])` : Prisma.empty}`;
    case 'intelligence':
      return Prisma.sql`
        SELECT i.geom, (coalesce(i.occurred_at, i.submitted_at) AT TIME ZONE 'Europe/London')::date AS day,
          i.category::text AS kind, i.district_code FROM intelligence_report i
        WHERE i.geom IS NOT NULL ${dateRange(Prisma.sql`coalesce(i.occurred_at, i.submitted_at)`, request)}
          AND ${sharedIntelligenceSql('i', request.intelligenceAudience ?? 'partner')}
          ${types ? Prisma.sql`AND i.category::text = ANY(${types}::text[])` : Prisma.empty}`;
    case 'missing-last-seen':
    case 'missing-found': {
      const geom = request.layer === 'missing-found' ? Prisma.sql`m.found_geom` : Prisma.sql`m.last_seen_geom`;
      const kind = request.layer === 'missing-found' ? Prisma.sql`m.found_location_type::text` : Prisma.sql`NULL::text`;
      return Prisma.sql`
        SELECT ${geom} AS geom, (m.reported_at AT TIME ZONE 'Europe/London')::date AS day, ${kind} AS kind,
          m.district_code FROM missing_episode m
        WHERE ${geom} IS NOT NULL ${dateRange(Prisma.sql`m.reported_at`, request)}`;
    }
  }
}

/**
 * The clustered features of one tile, in tile coordinates (y down), the same on both backends.
 * The `OFFSET 0` and `MATERIALIZED` fences keep the planner from folding the projection into
 * every expression that reads it (the bounds test, the group key, the averages): once crime_event
 * had statistics it did, projected each point eight times, and took seconds a tile at national
 * scale (bench/tiles.bench.ts; README "Benchmarks").
 */
function tileFeaturesQuery(request: TileRequest): Prisma.Sql {
  const { z, x, y } = request;
  const cell = clusterCellUnits(z);
  const scope = tileUsesScope(request.layer) ? scopeCondition(request.scope) : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH tile AS (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS e),
    bounds AS (
      SELECT ST_XMin(e) AS xmin, ST_YMax(e) AS ymax, ST_XMax(e) - ST_XMin(e) AS size,
        ST_Transform(ST_Expand(e, (ST_XMax(e) - ST_XMin(e)) * ${tileBuffer}::float8 / ${tileExtent}::float8), 4326) AS search
      FROM tile
    ),
    points AS MATERIALIZED (
      SELECT (p.gx - b.xmin) / b.size * ${tileExtent}::float8 AS fx,
        (b.ymax - p.gy) / b.size * ${tileExtent}::float8 AS fy, p.kind, p.day
      FROM bounds b, LATERAL (
        SELECT ${Prisma.raw(mercator.x)} AS gx, ${Prisma.raw(mercator.y)} AS gy, s.kind, s.day
        FROM (${layerSource(request)}) s
        WHERE s.geom && b.search AND ${scope}
        OFFSET 0
      ) p
    )
    SELECT round(avg(fx))::int AS tx, round(avg(fy))::int AS ty, count(*)::int AS count,
      mode() WITHIN GROUP (ORDER BY kind) AS kind, to_char(max(day), 'YYYY-MM') AS month
    FROM points
    WHERE fx >= ${-tileBuffer}::float8 AND fx < ${tileExtent + tileBuffer}::float8
      AND fy >= ${-tileBuffer}::float8 AND fy < ${tileExtent + tileBuffer}::float8
    GROUP BY floor(fx / ${cell}::float8), floor(fy / ${cell}::float8)
    HAVING count(*) >= ${request.minCount ?? 1}::int
    ORDER BY 1, 2`;
}

/**
 * The same clusters as tileFeaturesQuery for a crime tile up to zoom 15, read from the cells
 * counted in advance (crime-tile-cells.ts): the tile's cells (64 × 64, or at zoom 15 one a tile
 * unit) and the 64 units of buffer around them, from their totals over every month and type when
 * no filter is asked for and zoom ≤ 13 (`crimeTileTotalMaxZoom`).
 * Position, count, commonest type (ties to the first in order, as mode() does) and latest month
 * agree with clustering the points.
 */
function crimeCellsQuery(request: TileRequest): Prisma.Sql {
  const { z, x, y } = request;
  const types = request.types && request.types.length > 0 ? [...request.types] : null;
  const perTile = tileExtent / clusterCellUnits(z);
  const buffer = tileBuffer / clusterCellUnits(z);
  const rowFromSouth = (2 ** z - y) * perTile;
  const cellRange = Prisma.sql`c.z = ${crimeCellLevel(z)}::smallint
        AND c.cx BETWEEN ${x * perTile - buffer}::int AND ${(x + 1) * perTile + buffer - 1}::int
        AND c.cy BETWEEN ${rowFromSouth - perTile - buffer}::int AND ${rowFromSouth + buffer - 1}::int`;
  return Prisma.sql`
    WITH bounds AS (
      SELECT ST_XMin(e) AS xmin, ST_YMax(e) AS ymax, ST_XMax(e) - ST_XMin(e) AS size
      FROM (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS e) t
    ),
    typed AS (${
      // Unfiltered, each cell's totals (one row: its count and commonest type) where they are
      // kept; else the month rows summed per type.
      !request.from && !request.to && !types && z <= crimeTileTotalMaxZoom
        ? Prisma.sql`
      SELECT c.cx, c.cy, c.crime_type, c.n, c.sx, c.sy, c.month
      FROM crime_tile_total c
      WHERE ${cellRange}`
        : Prisma.sql`
      SELECT c.cx, c.cy, c.crime_type, sum(c.n) AS n, sum(c.sx) AS sx, sum(c.sy) AS sy, max(c.month) AS month
      FROM crime_tile_cell c
      WHERE ${cellRange}
        ${request.from ? Prisma.sql`AND c.month >= date_trunc('month', ${request.from}::date)::date` : Prisma.empty}
        ${request.to ? Prisma.sql`AND c.month <= ${request.to}::date` : Prisma.empty}
        ${types ? Prisma.sql`AND c.crime_type = ANY(${types}::text[])` : Prisma.empty}
      GROUP BY c.cx, c.cy, c.crime_type`
    })
    SELECT round((sum(t.sx) / sum(t.n) - b.xmin) / b.size * ${tileExtent}::float8)::int AS tx,
      round((b.ymax - sum(t.sy) / sum(t.n)) / b.size * ${tileExtent}::float8)::int AS ty,
      sum(t.n)::int AS count, (array_agg(t.crime_type ORDER BY t.n DESC, t.crime_type))[1] AS kind,
      to_char(max(t.month), 'YYYY-MM') AS month
    FROM typed t, bounds b
    GROUP BY t.cx, t.cy, b.xmin, b.ymax, b.size
    HAVING sum(t.n) >= ${request.minCount ?? 1}::int
    ORDER BY 1, 2`;
}

/** Crime below zoom 15 reads the counted cells, unless a write has left a month to recount. */
async function clusterQuery(prisma: PrismaTx, request: TileRequest, options: TileOptions): Promise<Prisma.Sql> {
  if (request.layer !== 'crime' || request.z > crimeTileCellMaxZoom || options.fromPoints) {
    return tileFeaturesQuery(request);
  }
  const [stale] = await prisma.$queryRaw<Array<{ stale: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM crime_tile_stale_month) AS stale`;
  return stale?.stale === false ? crimeCellsQuery(request) : tileFeaturesQuery(request);
}

export interface TileOptions {
  /** Cluster the points even where counted cells could serve (tests compare the two). */
  fromPoints?: boolean;
}

export async function tileFeatures(
  prisma: PrismaTx,
  request: TileRequest,
  options: TileOptions = {},
): Promise<TileFeatureRow[]> {
  return prisma.$queryRaw<TileFeatureRow[]>(await clusterQuery(prisma, request, options));
}

function properties(row: TileFeatureRow): Record<string, string | number> {
  const tags: Record<string, string | number> = { count: row.count };
  if (row.kind !== null) tags.kind = row.kind;
  if (row.month !== null) tags.month = row.month;
  return tags;
}

/** Encodes clustered rows as a Mapbox Vector Tile (version 2) in process. */
export function encodeTile(layer: TileLayer, rows: readonly TileFeatureRow[]): Uint8Array {
  const features = rows.map((row) => ({ type: 1 as const, geometry: [[row.tx, row.ty]], tags: properties(row) }));
  return vtpbf.fromGeojsonVt({ [layer]: { features } } as never, { version: 2, extent: tileExtent });
}

/** One tile, encoded by PostGIS where it can (ST_AsMVT) and in process on PGlite. */
export async function renderTile(
  prisma: PrismaTx,
  backend: 'pglite' | 'postgres',
  request: TileRequest,
  options: TileOptions = {},
): Promise<Uint8Array> {
  if (backend === 'pglite') return encodeTile(request.layer, await tileFeatures(prisma, request, options));
  const [row] = await prisma.$queryRaw<Array<{ tile: Uint8Array | null }>>`
    SELECT ST_AsMVT(f, ${request.layer}, ${tileExtent}::int, 'geom') AS tile
    FROM (
      SELECT ST_MakePoint(q.tx, q.ty) AS geom, q.count, q.kind, q.month
      FROM (${await clusterQuery(prisma, request, options)}) q
    ) f`;
  return row?.tile ? new Uint8Array(row.tile) : new Uint8Array();
}
