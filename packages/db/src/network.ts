import type { IntelligenceStatus } from '@lantern/domain';
import type { DistrictScope } from './district-scope.ts';
import { districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * What the network views read: entity links with the grading and handling code of the record they
 * cite, ties derived from records (children missing together and found together, episodes found
 * at places of concern, entities named in the same intelligence report), and the records at the
 * ends. Every query is limited to a period (a link counts when it was active in it) and, for ego
 * and district views, to ties touching a set of node ids.
 */
export interface NetworkPeriod {
  /** 'YYYY-MM-DD', inclusive, Europe/London. */
  from: string;
  to: string;
}

export type NetworkEntityType = 'person' | 'place' | 'vehicle' | 'intelligence_report' | 'missing_episode';

export interface NetworkLinkRow {
  id: string;
  fromType: NetworkEntityType;
  fromId: string;
  toType: NetworkEntityType;
  toId: string;
  linkType: string;
  sourceType: 'intelligence_report' | 'missing_episode' | 'assessment';
  sourceId: string;
  first: string;
  last: string;
  reliability: 'confirmed' | 'probable' | 'possible' | 'unverified';
  /** Of the cited intelligence report; null for other sources. */
  sourceEvaluation: '1' | '2' | '3' | null;
  intelligenceEvaluation: 'A' | 'B' | 'C' | 'D' | 'E' | null;
  handlingCode: 'P' | 'C' | null;
  /** Where the cited report is in the intelligence cycle; null for other sources. */
  reportStatus: IntelligenceStatus | null;
  /** When the cited report says it happened (else when submitted), 'YYYY-MM-DD'. */
  reportDate: string | null;
}

const london = (column: Prisma.Sql) => Prisma.sql`to_char((${column}) AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`;

const linkColumns = Prisma.sql`
  l.id::text AS "id", l.from_type::text AS "fromType", l.from_id::text AS "fromId", l.to_type::text AS "toType",
  l.to_id::text AS "toId", l.link_type AS "linkType", l.source_type::text AS "sourceType", l.source_id::text AS "sourceId",
  to_char(l.first_seen, 'YYYY-MM-DD') AS "first", to_char(l.last_seen, 'YYYY-MM-DD') AS "last",
  l.reliability::text AS "reliability", r.source_evaluation::text AS "sourceEvaluation",
  r.intelligence_evaluation::text AS "intelligenceEvaluation", r.handling_code::text AS "handlingCode",
  r.status::text AS "reportStatus", ${london(Prisma.sql`COALESCE(r.occurred_at, r.submitted_at)`)} AS "reportDate"`;

const touching = (around: readonly string[] | null, ...columns: Prisma.Sql[]) =>
  around === null
    ? Prisma.sql`TRUE`
    : Prisma.join(
        columns.map((column) => Prisma.sql`${column} = ANY(${[...around]}::uuid[])`),
        ' OR ',
      );

/** Entity links active in the period, touching `around` (every link when null). */
export async function networkLinks(
  prisma: PrismaTx,
  period: NetworkPeriod,
  around: readonly string[] | null,
): Promise<NetworkLinkRow[]> {
  return prisma.$queryRaw<NetworkLinkRow[]>`
    SELECT ${linkColumns}
    FROM entity_link l
    LEFT JOIN intelligence_report r ON l.source_type = 'intelligence_report' AND r.id = l.source_id
    WHERE l.first_seen <= ${period.to}::date AND l.last_seen >= ${period.from}::date
      AND (${touching(around, Prisma.sql`l.from_id`, Prisma.sql`l.to_id`)})`;
}

/**
 * Every link citing a report that one of `around` is named in (every report when null), so that the
 * entities named together in one report can be paired. The report's own date must fall in the period.
 */
export async function coMentionLinks(
  prisma: PrismaTx,
  period: NetworkPeriod,
  around: readonly string[] | null,
): Promise<NetworkLinkRow[]> {
  const reports =
    around === null
      ? Prisma.sql`SELECT DISTINCT source_id FROM entity_link WHERE source_type = 'intelligence_report'`
      : Prisma.sql`SELECT source_id FROM entity_link
          WHERE source_type = 'intelligence_report' AND from_id = ANY(${[...around]}::uuid[])
          UNION SELECT source_id FROM entity_link
          WHERE source_type = 'intelligence_report' AND to_id = ANY(${[...around]}::uuid[])`;
  return prisma.$queryRaw<NetworkLinkRow[]>`
    SELECT ${linkColumns}
    FROM entity_link l
    JOIN intelligence_report r ON r.id = l.source_id
    WHERE l.source_type = 'intelligence_report' AND l.source_id IN (${reports})
      AND COALESCE(r.occurred_at, r.submitted_at) >= (${period.from}::date)::timestamp AT TIME ZONE 'Europe/London'
      AND COALESCE(r.occurred_at, r.submitted_at) < ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
}

export interface FoundAtRow {
  episodeId: string;
  personId: string;
  placeId: string;
  first: string;
  last: string;
  metres: number;
}

/** Missing episodes found within `metres` of a place of concern, in the period, touching `around`. */
export async function episodesFoundAtPlaces(
  prisma: PrismaTx,
  period: NetworkPeriod,
  around: readonly string[] | null,
  metres: number,
): Promise<FoundAtRow[]> {
  // The degree box (index-assisted) is wider than `metres` at these latitudes; geography decides.
  const degrees = metres / 50_000;
  const inPeriod = Prisma.sql`e.found_geom IS NOT NULL
      AND e.reported_at < ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')
      AND COALESCE(e.returned_at, e.reported_at) >= (${period.from}::date)::timestamp AT TIME ZONE 'Europe/London'`;
  // Start from the episodes and the places asked about (each by its own index), never from every
  // episode in the county: an OR across both sides would make the planner join everything first.
  const pairs =
    around === null
      ? Prisma.sql`SELECT e.id AS episode_id, p.id AS place_id FROM missing_episode e
          JOIN place_of_concern p ON ST_DWithin(e.found_geom, p.geom, ${degrees}) WHERE ${inPeriod}`
      : Prisma.sql`SELECT e.id AS episode_id, p.id AS place_id FROM missing_episode e
          JOIN place_of_concern p ON ST_DWithin(e.found_geom, p.geom, ${degrees})
          WHERE ${inPeriod} AND (e.person_id = ANY(${[...around]}::uuid[]) OR e.id = ANY(${[...around]}::uuid[]))
        UNION
        SELECT e.id, p.id FROM place_of_concern p
          JOIN missing_episode e ON ST_DWithin(e.found_geom, p.geom, ${degrees})
          WHERE ${inPeriod} AND p.id = ANY(${[...around]}::uuid[])`;
  return prisma.$queryRaw<FoundAtRow[]>`
    SELECT e.id::text AS "episodeId", e.person_id::text AS "personId", p.id::text AS "placeId",
      ${london(Prisma.sql`e.reported_at`)} AS "first", ${london(Prisma.sql`COALESCE(e.returned_at, e.reported_at)`)} AS "last",
      ST_Distance(e.found_geom::geography, p.geom::geography)::float8 AS "metres"
    FROM (${pairs}) near
    JOIN missing_episode e ON e.id = near.episode_id
    JOIN place_of_concern p ON p.id = near.place_id
    WHERE ST_DWithin(e.found_geom::geography, p.geom::geography, ${metres})`;
}

export interface CoMissingRow {
  episodeIds: [string, string];
  personIds: [string, string];
  first: string;
  last: string;
  metres: number;
}

/**
 * Pairs of episodes of two different children whose missing windows overlap and who were found
 * within `metres` of each other, in the period, touching `around`.
 */
export async function coMissingEpisodes(
  prisma: PrismaTx,
  period: NetworkPeriod,
  around: readonly string[] | null,
  metres: number,
): Promise<CoMissingRow[]> {
  const degrees = metres / 50_000;
  const asked =
    around === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`(e.person_id = ANY(${[...around]}::uuid[]) OR e.id = ANY(${[...around]}::uuid[]))`;
  // The episodes asked about first (by index), then the episodes found near each of them; a pair
  // is reported once, with its ids in order, whichever side was asked about.
  return prisma.$queryRaw<CoMissingRow[]>`
    WITH mine AS (
      SELECT e.id, e.person_id, e.reported_at, e.returned_at, e.found_geom FROM missing_episode e
      WHERE e.found_geom IS NOT NULL AND e.returned_at IS NOT NULL AND ${asked}
    ),
    pairs AS (
      SELECT CASE WHEN a.id < b.id THEN a.id ELSE b.id END AS first_id,
             CASE WHEN a.id < b.id THEN b.id ELSE a.id END AS second_id
      FROM mine a
      JOIN missing_episode b ON b.id <> a.id AND b.person_id <> a.person_id
        AND ST_DWithin(b.found_geom, a.found_geom, ${degrees})
      WHERE b.returned_at IS NOT NULL
        AND a.reported_at < b.returned_at AND b.reported_at < a.returned_at
      GROUP BY 1, 2
    )
    SELECT ARRAY[a.id::text, b.id::text] AS "episodeIds", ARRAY[a.person_id::text, b.person_id::text] AS "personIds",
      ${london(Prisma.sql`GREATEST(a.reported_at, b.reported_at)`)} AS "first",
      ${london(Prisma.sql`LEAST(a.returned_at, b.returned_at)`)} AS "last",
      ST_Distance(a.found_geom::geography, b.found_geom::geography)::float8 AS "metres"
    FROM pairs
    JOIN missing_episode a ON a.id = pairs.first_id
    JOIN missing_episode b ON b.id = pairs.second_id
    WHERE ST_DWithin(a.found_geom::geography, b.found_geom::geography, ${metres})
      AND GREATEST(a.reported_at, b.reported_at) < ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')
      AND LEAST(a.returned_at, b.returned_at) >= (${period.from}::date)::timestamp AT TIME ZONE 'Europe/London'`;
}

/** The people and places of a district: where its network starts. */
export async function districtNetworkSeeds(prisma: PrismaTx, districtCode: string): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS "id" FROM person WHERE home_district_code = ${districtCode} AND merged_into_id IS NULL
    UNION ALL SELECT id::text FROM place_of_concern WHERE district_code = ${districtCode}`;
  return rows.map((row) => row.id);
}

export interface NetworkPlaceRow {
  id: string;
  name: string;
  category: string;
  districtCode: string;
  lon: number;
  lat: number;
}

export interface NetworkVehicleRow {
  id: string;
  registration: string;
  description: string | null;
}

export interface NetworkRecordRow {
  id: string;
  type: 'intelligence_report' | 'missing_episode';
  reference: string;
  districtCode: string | null;
  date: string;
  /** Intelligence: category and grading; episodes: the police risk. */
  summary: string;
  handlingCode: 'P' | 'C' | null;
  reportStatus: IntelligenceStatus | null;
}

/** The places, vehicles and records among `ids` that the scope lets the caller see. */
export async function networkEntities(prisma: PrismaTx, ids: readonly string[], scope: DistrictScope) {
  const list = [...ids];
  const [places, vehicles, records] = await Promise.all([
    prisma.$queryRaw<NetworkPlaceRow[]>`
      SELECT p.id::text AS "id", p.name, p.category::text AS "category", p.district_code AS "districtCode",
        ST_X(p.geom)::float8 AS "lon", ST_Y(p.geom)::float8 AS "lat"
      FROM place_of_concern p
      WHERE p.id = ANY(${list}::uuid[]) AND ${districtScopeSql(Prisma.sql`p.district_code`, scope)}`,
    prisma.$queryRaw<NetworkVehicleRow[]>`
      SELECT v.id::text AS "id", v.registration,
        NULLIF(concat_ws(' ', v.colour, v.make, v.model), '') AS "description"
      FROM vehicle v WHERE v.id = ANY(${list}::uuid[])`,
    prisma.$queryRaw<NetworkRecordRow[]>`
      SELECT r.id::text AS "id", 'intelligence_report' AS "type", r.reference, r.district_code AS "districtCode",
        ${london(Prisma.sql`COALESCE(r.occurred_at, r.submitted_at)`)} AS "date",
        r.category::text || ' · ' || r.source_evaluation::text || r.intelligence_evaluation::text AS "summary",
        r.handling_code::text AS "handlingCode", r.status::text AS "reportStatus"
      FROM intelligence_report r
      WHERE r.id = ANY(${list}::uuid[]) AND ${districtScopeSql(Prisma.sql`r.district_code`, scope)}
      UNION ALL
      SELECT e.id::text, 'missing_episode', e.episode_ref, e.district_code, ${london(Prisma.sql`e.reported_at`)},
        'missing · ' || e.police_risk::text || ' risk', NULL, NULL
      FROM missing_episode e
      WHERE e.id = ANY(${list}::uuid[]) AND ${districtScopeSql(Prisma.sql`e.district_code`, scope)}`,
  ]);
  return { places, vehicles, records };
}

export interface DisruptionTargetRow {
  targetId: string;
  actionId: string;
  status: string;
  tactic: string;
}

/** Disruption actions targeting any of `ids` (people, places, vehicles), in any status, newest first. */
export async function disruptionTargeting(prisma: PrismaTx, ids: readonly string[]): Promise<DisruptionTargetRow[]> {
  if (ids.length === 0) return [];
  return prisma.$queryRaw<DisruptionTargetRow[]>`
    SELECT COALESCE(a.target_person_id, a.target_place_id, a.target_vehicle_id)::text AS "targetId",
      a.id::text AS "actionId", a.status::text AS "status", t.name AS "tactic"
    FROM disruption_action a JOIN tactic t ON t.id = a.tactic_id
    WHERE COALESCE(a.target_person_id, a.target_place_id, a.target_vehicle_id) = ANY(${[...ids]}::uuid[])
    ORDER BY a.proposed_on DESC`;
}
