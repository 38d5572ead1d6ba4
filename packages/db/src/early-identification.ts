import type { EarlySignalKind, IntelligenceAudience, SignalRecord } from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * The records behind the early-identification signals (issue 15) of children not yet flagged
 * (no CSE or CCE risk) in the scope. Each query returns one row per record behind one signal of
 * one child; grouping and the "at least two signals" rule are the domain's (`groupEarlySignals`).
 */
export interface EarlySignalQuery {
  scope: DistrictScope;
  districtCode?: string | undefined;
  /** Records from this instant … */
  since: Date;
  /** … until this one (exclusive): the end of the as-of day in London. */
  until: Date;
  audience: IntelligenceAudience;
  /** Repeat missing: at least `repeatCount` episodes reported in the `repeatWindowDays` × 24 h before `until`. */
  repeatCount: number;
  repeatWindowDays: number;
  /** Found within this many metres of a place of concern. */
  foundWithinMetres: number;
}

export interface EarlySignalRow {
  personId: string;
  kind: EarlySignalKind;
  record: SignalRecord;
}

interface FlatRow {
  personId: string;
  type: SignalRecord['type'];
  id: string;
  reference: string;
  date: string | null;
  description: string;
}

const utcInstant = (column: string) =>
  Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

function candidates(query: EarlySignalQuery): Prisma.Sql {
  const district = query.districtCode ? Prisma.sql`AND c.home_district_code = ${query.districtCode}` : Prisma.empty;
  return Prisma.sql`
    SELECT c.id FROM person c
    WHERE c.kind = 'child' AND c.merged_into_id IS NULL AND c.cse_risk = 'none' AND c.cce_risk = 'none'
      AND ${districtScopeSql(Prisma.sql`c.home_district_code`, query.scope)} ${district}`;
}

const asSignal =
  (kind: EarlySignalKind) =>
  (row: FlatRow): EarlySignalRow => ({
    personId: row.personId,
    kind,
    record: { type: row.type, id: row.id, reference: row.reference, date: row.date, description: row.description },
  });

export async function earlySignalRecords(prisma: PrismaTx, query: EarlySignalQuery): Promise<EarlySignalRow[]> {
  const windowStart = new Date(query.until.getTime() - query.repeatWindowDays * 24 * 3_600_000);
  const repeat = await prisma.$queryRaw<FlatRow[]>`
    WITH cand AS (${candidates(query)}),
    recent AS (
      SELECT e.* FROM missing_episode e JOIN cand ON cand.id = e.person_id
      WHERE e.reported_at >= ${windowStart} AND e.reported_at < ${query.until})
    SELECT r.person_id::text AS "personId", 'missing_episode' AS "type", r.id::text AS "id", r.episode_ref AS "reference",
      ${utcInstant('r.reported_at')} AS "date", 'Missing episode reported' AS "description"
    FROM recent r
    WHERE (SELECT count(*) FROM recent other WHERE other.person_id = r.person_id) >= ${query.repeatCount}`;

  const foundAt = await prisma.$queryRaw<FlatRow[]>`
    WITH cand AS (${candidates(query)})
    SELECT e.person_id::text AS "personId", 'missing_episode' AS "type", e.id::text AS "id", e.episode_ref AS "reference",
      ${utcInstant('e.reported_at')} AS "date",
      'Found within ' || ${query.foundWithinMetres}::int || ' m of ' || p.name AS "description"
    FROM missing_episode e JOIN cand ON cand.id = e.person_id
    JOIN place_of_concern p ON ST_DWithin(e.found_geom::geography, p.geom::geography, ${query.foundWithinMetres}::float8)
    WHERE e.found_geom IS NOT NULL AND e.reported_at >= ${query.since} AND e.reported_at < ${query.until}
    UNION ALL
    SELECT e.person_id::text, 'place', p.id::text, p.name, ${utcInstant('e.reported_at')},
      'Place of concern (' || p.category::text || ') where episode ' || e.episode_ref || ' ended'
    FROM missing_episode e JOIN cand ON cand.id = e.person_id
    JOIN place_of_concern p ON ST_DWithin(e.found_geom::geography, p.geom::geography, ${query.foundWithinMetres}::float8)
    WHERE e.found_geom IS NOT NULL AND e.reported_at >= ${query.since} AND e.reported_at < ${query.until}`;

  // A link to an associate who is linked to a flagged child; links resting on intelligence the
  // caller may not see are left out (share-back).
  const shared = (alias: string) =>
    Prisma.sql`(${Prisma.raw(alias)}.id IS NULL OR ${sharedIntelligenceSql(alias, query.audience)})`;
  const linked = await prisma.$queryRaw<FlatRow[]>`
    WITH cand AS (${candidates(query)}),
    -- Each direction of a person-to-person link on its own: an OR in the join defeats the indexes.
    child_tie AS (
      SELECT l.id AS link_id, l.from_id AS child_id, l.to_id AS associate_id FROM entity_link l JOIN cand ON cand.id = l.from_id
      WHERE l.from_type = 'person' AND l.to_type = 'person' AND l.last_seen >= ${query.since}::date
      UNION ALL
      SELECT l.id, l.to_id, l.from_id FROM entity_link l JOIN cand ON cand.id = l.to_id
      WHERE l.from_type = 'person' AND l.to_type = 'person' AND l.last_seen >= ${query.since}::date
    ),
    child_assoc AS (
      SELECT l.id AS link_id, l.link_type, l.last_seen, t.child_id, t.associate_id
      FROM child_tie t JOIN entity_link l ON l.id = t.link_id
      LEFT JOIN intelligence_report ir ON l.source_type = 'intelligence_report' AND ir.id = l.source_id
      WHERE ${shared('ir')}
    ),
    -- The flagged children linked to each of those associates, counted once per associate (a
    -- subquery per link row took longer than a transaction may last on the whole county).
    flagged_tie AS (
      SELECT l2.to_id AS associate_id, l2.from_id AS child_id, l2.source_type, l2.source_id FROM entity_link l2
      WHERE l2.from_type = 'person' AND l2.to_type = 'person' AND l2.to_id IN (SELECT associate_id FROM child_assoc)
      UNION ALL
      SELECT l2.from_id, l2.to_id, l2.source_type, l2.source_id FROM entity_link l2
      WHERE l2.from_type = 'person' AND l2.to_type = 'person' AND l2.from_id IN (SELECT associate_id FROM child_assoc)
    ),
    flagged_count AS (
      SELECT t.associate_id, count(DISTINCT f.id) AS flagged FROM flagged_tie t
      JOIN person f ON f.id = t.child_id AND f.kind = 'child' AND f.merged_into_id IS NULL
        AND (f.cse_risk <> 'none' OR f.cce_risk <> 'none')
      LEFT JOIN intelligence_report ir2 ON t.source_type = 'intelligence_report' AND ir2.id = t.source_id
      WHERE ${shared('ir2')}
      GROUP BY t.associate_id
    ),
    network AS (
      SELECT ca.*, a.pseudonym_ref, coalesce(fc.flagged, 0) AS flagged
      FROM child_assoc ca JOIN person a ON a.id = ca.associate_id AND a.kind = 'associate' AND a.merged_into_id IS NULL
      LEFT JOIN flagged_count fc ON fc.associate_id = ca.associate_id
    )
    SELECT n.child_id::text AS "personId", 'entity_link' AS "type", n.link_id::text AS "id", n.link_type AS "reference",
      to_char(n.last_seen, 'YYYY-MM-DD') AS "date",
      'Linked (' || n.link_type || ') to associate ' || n.pseudonym_ref || ', who is linked to ' || n.flagged ||
        CASE WHEN n.flagged = 1 THEN ' flagged child' ELSE ' flagged children' END AS "description"
    FROM network n WHERE n.flagged > 0`;

  const named = await prisma.$queryRaw<FlatRow[]>`
    WITH cand AS (${candidates(query)})
    SELECT DISTINCT s.person_id::text AS "personId", 'intelligence_report' AS "type", i.id::text AS "id",
      i.reference AS "reference", ${utcInstant('coalesce(i.occurred_at, i.submitted_at)')} AS "date",
      'Named in a ' || i.category::text || ' intelligence report' AS "description"
    FROM intelligence_subject s JOIN cand ON cand.id = s.person_id
    JOIN intelligence_report i ON i.id = s.report_id
    WHERE ${sharedIntelligenceSql('i', query.audience)}
      AND coalesce(i.occurred_at, i.submitted_at) >= ${query.since} AND coalesce(i.occurred_at, i.submitted_at) < ${query.until}`;

  const disclosed = await prisma.$queryRaw<FlatRow[]>`
    WITH cand AS (${candidates(query)})
    SELECT e.person_id::text AS "personId", 'return_home_interview' AS "type", r.id::text AS "id",
      e.episode_ref AS "reference", ${utcInstant('coalesce(r.completed_at, e.reported_at)')} AS "date",
      'Return home interview after ' || e.episode_ref || ': disclosed ' ||
        concat_ws(' and ', CASE WHEN r.disclosed_sexual_exploitation THEN 'sexual exploitation' END,
                           CASE WHEN r.disclosed_criminal_exploitation THEN 'criminal exploitation' END) AS "description"
    FROM return_home_interview r JOIN missing_episode e ON e.id = r.episode_id JOIN cand ON cand.id = e.person_id
    WHERE (r.disclosed_sexual_exploitation OR r.disclosed_criminal_exploitation)
      AND coalesce(r.completed_at, e.reported_at) >= ${query.since} AND coalesce(r.completed_at, e.reported_at) < ${query.until}`;

  return [
    ...repeat.map(asSignal('repeat_missing')),
    ...foundAt.map(asSignal('found_at_place_of_concern')),
    ...linked.map(asSignal('linked_to_network_associate')),
    ...named.map(asSignal('named_in_intelligence')),
    ...disclosed.map(asSignal('rhi_disclosure')),
  ];
}

/** How many children (not merged) of each recorded sex the scope holds. */
export async function childrenBySex(
  prisma: PrismaTx,
  scope: DistrictScope,
  districtCode?: string,
): Promise<Record<'F' | 'M' | 'X' | 'U', number>> {
  const rows = await prisma.$queryRaw<Array<{ sex: 'F' | 'M' | 'X' | 'U'; count: number }>>`
    SELECT c.sex::text AS "sex", count(*)::int AS "count" FROM person c
    WHERE c.kind = 'child' AND c.merged_into_id IS NULL AND ${districtScopeSql(Prisma.sql`c.home_district_code`, scope)}
      ${districtCode ? Prisma.sql`AND c.home_district_code = ${districtCode}` : Prisma.empty}
    GROUP BY c.sex`;
  const counts = { F: 0, M: 0, X: 0, U: 0 };
  for (const row of rows) counts[row.sex] = row.count;
  return counts;
}
