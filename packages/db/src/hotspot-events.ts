import type { HotspotSource, IntelligenceAudience } from '@lantern/domain';
import { Prisma } from './generated/prisma/client.ts';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * The points of one hot-spot event source in British National Grid metres (PostGIS does the
 * projection: ST_Transform to EPSG:27700), filtered by period and districts, and the study area
 * of those districts in the same metres. Dates per source: police.uk by month (a month counts when
 * it overlaps [from, to]); intelligence by when it occurred (else when submitted); missing episodes
 * by when reported; places of concern when their concern overlaps [from, to].
 */
export interface HotspotEventQuery {
  source: HotspotSource;
  from?: string;
  to?: string;
  /** Already limited to what the caller may see. */
  districtCodes: readonly string[];
  crimeType?: string;
  category?: string;
  placeCategory?: string;
  /** Only points inside this EPSG:27700 box [minX, minY, maxX, maxY), e.g. one grid cell. */
  within?: readonly [number, number, number, number];
  /** Who the intelligence is for (share-back, `sharedIntelligenceSql`); partners unless said. */
  intelligenceAudience?: IntelligenceAudience;
}

export interface HotspotEventRow {
  kind: 'crime' | 'intelligence_report' | 'missing_episode' | 'place';
  id: string;
  x: number;
  y: number;
  /** YYYY-MM-DD: the police.uk month's first day, or the event's date (Europe/London). */
  date: string | null;
  /** Crime location text, place name, intelligence category or found-location type. */
  label: string | null;
  /** A crime's type or a place's category; null for other records. */
  type: string | null;
}

function sourceSelect(query: HotspotEventQuery) {
  const from = query.from ?? null;
  const to = query.to ?? null;
  const districts = [...query.districtCodes];
  const london = (column: Prisma.Sql) =>
    Prisma.sql`to_char((${column} AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD')`;
  const period = (column: Prisma.Sql) =>
    Prisma.sql`(${from}::date IS NULL OR (${column} AT TIME ZONE 'Europe/London')::date >= ${from}::date)
      AND (${to}::date IS NULL OR (${column} AT TIME ZONE 'Europe/London')::date <= ${to}::date)`;
  switch (query.source) {
    case 'police-uk':
      return Prisma.sql`
        SELECT 'crime' AS kind, c.id AS id, c.geom AS geom, to_char(c.month, 'YYYY-MM-DD') AS date, c.location AS label,
          c.crime_type AS type
        FROM crime_event c
        WHERE c.geom IS NOT NULL AND c.district_code = ANY(${districts}::text[])
          AND (${from}::date IS NULL OR c.month >= date_trunc('month', ${from}::date)::date)
          AND (${to}::date IS NULL OR c.month <= ${to}::date)
          AND (${query.crimeType ?? null}::text IS NULL OR c.crime_type = ${query.crimeType ?? null}::text)`;
    case 'intelligence': {
      const when = Prisma.sql`coalesce(i.occurred_at, i.submitted_at)`;
      return Prisma.sql`
        SELECT 'intelligence_report' AS kind, i.id::text AS id, i.geom AS geom, ${london(when)} AS date,
          i.category::text AS label, NULL::text AS type
        FROM intelligence_report i
        WHERE i.geom IS NOT NULL AND i.district_code = ANY(${districts}::text[]) AND ${period(when)}
          AND ${sharedIntelligenceSql('i', query.intelligenceAudience ?? 'partner')}
          AND (${query.category ?? null}::text IS NULL OR i.category::text = ${query.category ?? null}::text)`;
    }
    case 'missing-found':
    case 'missing-last-seen': {
      const geom = query.source === 'missing-found' ? Prisma.sql`m.found_geom` : Prisma.sql`m.last_seen_geom`;
      const label = query.source === 'missing-found' ? Prisma.sql`m.found_location_type::text` : Prisma.sql`NULL::text`;
      return Prisma.sql`
        SELECT 'missing_episode' AS kind, m.id::text AS id, ${geom} AS geom, ${london(Prisma.sql`m.reported_at`)} AS date,
          ${label} AS label, NULL::text AS type
        FROM missing_episode m
        WHERE ${geom} IS NOT NULL AND m.district_code = ANY(${districts}::text[]) AND ${period(Prisma.sql`m.reported_at`)}`;
    }
    case 'places':
      return Prisma.sql`
        SELECT 'place' AS kind, p.id::text AS id, p.geom AS geom, to_char(p.concern_since, 'YYYY-MM-DD') AS date,
          p.name AS label, p.category::text AS type
        FROM place_of_concern p
        WHERE p.district_code = ANY(${districts}::text[])
          AND (${to}::date IS NULL OR p.concern_since <= ${to}::date)
          AND (${from}::date IS NULL OR p.concern_until IS NULL OR p.concern_until >= ${from}::date)
          AND (${query.placeCategory ?? null}::text IS NULL OR p.category::text = ${query.placeCategory ?? null}::text)`;
  }
}

export async function hotspotEvents(prisma: PrismaTx, query: HotspotEventQuery): Promise<HotspotEventRow[]> {
  const box = query.within;
  const within = box
    ? Prisma.sql`AND e.x >= ${box[0]}::float8 AND e.y >= ${box[1]}::float8 AND e.x < ${box[2]}::float8 AND e.y < ${box[3]}::float8`
    : Prisma.empty;
  return prisma.$queryRaw<HotspotEventRow[]>`
    SELECT e.kind AS "kind", e.id AS "id", e.x AS "x", e.y AS "y", e.date AS "date", e.label AS "label", e.type AS "type"
    FROM (
      SELECT s.kind, s.id, s.date, s.label, s.type, ST_X(t.g)::float8 AS x, ST_Y(t.g)::float8 AS y
      FROM (${sourceSelect(query)}) s
      CROSS JOIN LATERAL (SELECT ST_Transform(s.geom, 27700) AS g) t
    ) e
    WHERE TRUE ${within}
    ORDER BY e.date, e.id`;
}

export interface HotspotPointRow {
  x: number;
  y: number;
  /** YYYY-MM when grouped by month, else null. */
  month: string | null;
  /** Events at this point (in this month). */
  weight: number;
}

/**
 * The same events grouped by identical location (and by month when `byMonth`), each group one
 * weighted point: police.uk and the synthetic crimes sit on a limited set of snapped map points,
 * so a million events are a few thousand points, projected once each. For counts and surfaces;
 * `hotspotEvents` gives the records one by one.
 */
export async function hotspotEventPoints(
  prisma: PrismaTx,
  query: HotspotEventQuery,
  byMonth = false,
): Promise<HotspotPointRow[]> {
  const month = byMonth ? Prisma.sql`substr(s.date, 1, 7)` : Prisma.sql`NULL::text`;
  return prisma.$queryRaw<HotspotPointRow[]>`
    SELECT ST_X(t.g)::float8 AS "x", ST_Y(t.g)::float8 AS "y", p.month AS "month", p.n AS "weight"
    FROM (
      SELECT ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, ${month} AS month, count(*)::int AS n
      FROM (${sourceSelect(query)}) s
      GROUP BY 1, 2, 3
    ) p
    CROSS JOIN LATERAL (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326), 27700) AS g) t
    ORDER BY 1, 2, 3`;
}

export interface StudyAreaRow {
  code: string;
  /** GeoJSON MultiPolygon in EPSG:27700 metres. */
  geometry: { type: 'MultiPolygon'; coordinates: [number, number][][][] };
}

/** The districts' boundaries in EPSG:27700 metres, to lay the analysis grid over. */
export async function hotspotStudyArea(prisma: PrismaTx, districtCodes: readonly string[]): Promise<StudyAreaRow[]> {
  const rows = await prisma.$queryRaw<{ code: string; geometry: string }[]>`
    SELECT d.code AS "code", ST_AsGeoJSON(ST_Transform(d.geom, 27700), 3) AS "geometry"
    FROM district d WHERE d.code = ANY(${[...districtCodes]}::text[]) ORDER BY d.code`;
  return rows.map((row) => ({ code: row.code, geometry: JSON.parse(row.geometry) as StudyAreaRow['geometry'] }));
}
