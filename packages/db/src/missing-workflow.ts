import type { CareStatus, FoundLocationType, PoliceRisk, RhiService } from '@lantern/domain';
import { DAY_MS } from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Missing episodes as the coordinator records them: report, risk re-gradings, return, closing,
 * multi-agency meetings and the MAM thresholds. Scope is the child's home district, as for
 * people, and every change checks the episode's `version`.
 */
export interface MissingEpisodeRow {
  id: string;
  episodeRef: string;
  personId: string;
  careStatus: CareStatus;
  policeRisk: PoliceRisk;
  reportedAt: Date;
  returnedAt: Date | null;
  closedAt: Date | null;
  lastSeenLon: number | null;
  lastSeenLat: number | null;
  foundLon: number | null;
  foundLat: number | null;
  foundLocationType: FoundLocationType | null;
  foundBy: string | null;
  returnNotes: string | null;
  districtCode: string | null;
  rhiService: RhiService | null;
  rhiCompletedAt: Date | null;
  mamHeldAt: Date | null;
  version: number;
}

const episodeColumns = Prisma.sql`
  me.id::text AS "id", me.episode_ref AS "episodeRef", me.person_id::text AS "personId",
  me.care_status::text AS "careStatus", me.police_risk::text AS "policeRisk", me.reported_at AS "reportedAt",
  me.returned_at AS "returnedAt", me.closed_at AS "closedAt",
  ST_X(me.last_seen_geom) AS "lastSeenLon", ST_Y(me.last_seen_geom) AS "lastSeenLat",
  ST_X(me.found_geom) AS "foundLon", ST_Y(me.found_geom) AS "foundLat",
  me.found_location_type::text AS "foundLocationType", me.found_by AS "foundBy", me.return_notes AS "returnNotes",
  me.district_code AS "districtCode", me.rhi_service::text AS "rhiService", me.rhi_completed_at AS "rhiCompletedAt",
  me.mam_held_at AS "mamHeldAt", me.version AS "version"`;

/** Episodes are scoped by their child's home district (`p` is the child's person row). */
export function missingEpisodeScope(scope: DistrictScope) {
  return districtScopeSql(Prisma.sql`p.home_district_code`, scope);
}

export async function getMissingEpisode(
  tx: PrismaTx,
  id: string,
  scope: DistrictScope,
): Promise<MissingEpisodeRow | null> {
  const [row] = await tx.$queryRaw<MissingEpisodeRow[]>`
    SELECT ${episodeColumns} FROM missing_episode me JOIN person p ON p.id = me.person_id
    WHERE me.id = ${id}::uuid AND ${missingEpisodeScope(scope)}`;
  return row ?? null;
}

export interface MissingEpisodeQuery {
  personId?: string | undefined;
  openOnly?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** Newest first; `from`/`to` are Europe/London dates of the report, both inclusive. */
export async function listMissingEpisodes(tx: PrismaTx, query: MissingEpisodeQuery, scope: DistrictScope) {
  const conditions = [missingEpisodeScope(scope)];
  if (query.personId) conditions.push(Prisma.sql`me.person_id = ${query.personId}::uuid`);
  if (query.openOnly) conditions.push(Prisma.sql`me.returned_at IS NULL`);
  if (query.from)
    conditions.push(Prisma.sql`(me.reported_at AT TIME ZONE 'Europe/London')::date >= ${query.from}::date`);
  if (query.to) conditions.push(Prisma.sql`(me.reported_at AT TIME ZONE 'Europe/London')::date <= ${query.to}::date`);
  return tx.$queryRaw<MissingEpisodeRow[]>`
    SELECT ${episodeColumns} FROM missing_episode me JOIN person p ON p.id = me.person_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY me.reported_at DESC, me.id
    LIMIT ${query.limit}`;
}

export interface NewMissingEpisode {
  episodeRef: string;
  personId: string;
  careStatus: CareStatus;
  policeRisk: PoliceRisk;
  reportedAt: string;
  lastSeen: { lon: number; lat: number } | null;
  districtCode: string | null;
  recordedById: string | null;
}

export async function insertMissingEpisode(tx: PrismaTx, episode: NewMissingEpisode): Promise<string> {
  const lon = episode.lastSeen?.lon ?? null;
  const lat = episode.lastSeen?.lat ?? null;
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO missing_episode (episode_ref, person_id, care_status, police_risk, reported_at, last_seen_geom,
      district_code, recorded_by_id)
    VALUES (${episode.episodeRef}, ${episode.personId}::uuid, ${episode.careStatus}::care_status,
      ${episode.policeRisk}::police_risk, ${episode.reportedAt}::timestamptz,
      CASE WHEN ${lon}::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326) END,
      ${episode.districtCode}, ${episode.recordedById}::uuid)
    RETURNING id::text AS id`;
  if (!row) throw new Error('missing_episode insert returned nothing');
  return row.id;
}

/**
 * Applies a change to an episode if it still has the version the editor read: true when it
 * did, false when another edit came first (the row is unchanged).
 */
export async function bumpMissingEpisode(
  tx: PrismaTx,
  id: string,
  version: number,
  changes: Prisma.Sql,
): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE missing_episode me SET ${changes}, version = me.version + 1, updated_at = now()
    WHERE me.id = ${id}::uuid AND me.version = ${version}::bigint`;
  return count === 1;
}

export function regradeChange(toRisk: PoliceRisk) {
  return Prisma.sql`police_risk = ${toRisk}::police_risk`;
}

export interface EpisodeReturn {
  returnedAt: string;
  found: { lon: number; lat: number } | null;
  foundLocationType: FoundLocationType;
  foundBy: string;
  notes: string | null;
  rhiService: RhiService | null;
}

export function returnChange(ret: EpisodeReturn) {
  const lon = ret.found?.lon ?? null;
  const lat = ret.found?.lat ?? null;
  return Prisma.sql`returned_at = ${ret.returnedAt}::timestamptz,
    found_geom = CASE WHEN ${lon}::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326) END,
    found_location_type = ${ret.foundLocationType}::found_location_type, found_by = ${ret.foundBy},
    return_notes = ${ret.notes}, rhi_service = ${ret.rhiService}::rhi_service`;
}

export function closeChange(closedAt: string) {
  return Prisma.sql`closed_at = ${closedAt}::timestamptz`;
}

export async function insertRiskGrading(
  tx: PrismaTx,
  grading: {
    episodeId: string;
    fromRisk: PoliceRisk;
    toRisk: PoliceRisk;
    gradedAt: string;
    gradedById: string | null;
    reason: string;
  },
) {
  await tx.$executeRaw`
    INSERT INTO missing_risk_grading (episode_id, from_risk, to_risk, graded_at, graded_by_id, reason)
    VALUES (${grading.episodeId}::uuid, ${grading.fromRisk}::police_risk, ${grading.toRisk}::police_risk,
      ${grading.gradedAt}::timestamptz, ${grading.gradedById}::uuid, ${grading.reason})`;
}

export interface RiskGradingRow {
  fromRisk: PoliceRisk;
  toRisk: PoliceRisk;
  gradedAt: Date;
  gradedBy: string | null;
  reason: string;
}

export async function riskGradingsOf(tx: PrismaTx, episodeId: string): Promise<RiskGradingRow[]> {
  return tx.$queryRaw<RiskGradingRow[]>`
    SELECT g.from_risk::text AS "fromRisk", g.to_risk::text AS "toRisk", g.graded_at AS "gradedAt",
      u.display_name AS "gradedBy", g.reason AS "reason"
    FROM missing_risk_grading g LEFT JOIN app_user u ON u.id = g.graded_by_id
    WHERE g.episode_id = ${episodeId}::uuid
    ORDER BY g.graded_at, g.created_at`;
}

/** The child's episodes, for the MAM trigger's repeat rule. */
export async function episodeTimingsOf(tx: PrismaTx, personIds: readonly string[]) {
  return tx.$queryRaw<Array<{ id: string; personId: string; reportedAt: Date; returnedAt: Date | null }>>`
    SELECT id::text AS "id", person_id::text AS "personId", reported_at AS "reportedAt", returned_at AS "returnedAt"
    FROM missing_episode WHERE person_id = ANY(${[...personIds]}::uuid[])`;
}

/**
 * Episodes that may need a meeting and have none: reported since `since`, or still open, with
 * no meeting held (summary column) — the caller applies the trigger.
 */
export async function episodesWithoutMeeting(tx: PrismaTx, since: Date, scope: DistrictScope) {
  return tx.$queryRaw<MissingEpisodeRow[]>`
    SELECT ${episodeColumns} FROM missing_episode me JOIN person p ON p.id = me.person_id
    WHERE me.mam_held_at IS NULL AND (me.reported_at >= ${since} OR me.returned_at IS NULL)
      AND ${missingEpisodeScope(scope)}
    ORDER BY me.reported_at, me.id`;
}

export interface MultiAgencyMeetingRow {
  id: string;
  episodeId: string | null;
  trigger: 'duration' | 'repeat' | 'duration_and_repeat' | 'professional_concern';
  heldAt: Date;
  attendees: string[];
  outcome: string;
  version: number;
}

export async function insertMultiAgencyMeeting(
  tx: PrismaTx,
  meeting: Omit<MultiAgencyMeetingRow, 'id' | 'version' | 'heldAt'> & {
    personId: string;
    heldAt: string;
    recordedById: string | null;
  },
): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO multi_agency_meeting (person_id, episode_id, trigger, held_at, attendees, outcome, recorded_by_id)
    VALUES (${meeting.personId}::uuid, ${meeting.episodeId}::uuid, ${meeting.trigger}, ${meeting.heldAt}::timestamptz,
      ${meeting.attendees}::text[], ${meeting.outcome}, ${meeting.recordedById}::uuid)
    RETURNING id::text AS id`;
  if (!row) throw new Error('multi_agency_meeting insert returned nothing');
  // The summary column the committee report reads: the first meeting held for this episode.
  await tx.$executeRaw`
    UPDATE missing_episode SET mam_held_at = LEAST(coalesce(mam_held_at, ${meeting.heldAt}::timestamptz), ${meeting.heldAt}::timestamptz),
      version = version + 1, updated_at = now()
    WHERE id = ${meeting.episodeId}::uuid`;
  return row.id;
}

export async function multiAgencyMeetingsOf(tx: PrismaTx, episodeId: string): Promise<MultiAgencyMeetingRow[]> {
  return tx.$queryRaw<MultiAgencyMeetingRow[]>`
    SELECT id::text AS "id", episode_id::text AS "episodeId", trigger AS "trigger", held_at AS "heldAt",
      attendees AS "attendees", outcome AS "outcome", version AS "version"
    FROM multi_agency_meeting WHERE episode_id = ${episodeId}::uuid ORDER BY held_at, id`;
}

export interface ThresholdsRow {
  mamDurationHours: number;
  mamRepeatCount: number;
  mamWindowDays: number;
  version: number;
  updatedAt: Date;
}

const thresholdSelect = {
  mamDurationHours: true,
  mamRepeatCount: true,
  mamWindowDays: true,
  version: true,
  updatedAt: true,
} as const;

export async function getMissingThresholds(tx: PrismaTx): Promise<ThresholdsRow> {
  const row = await tx.missingSettings.findUnique({ where: { id: 1 }, select: thresholdSelect });
  if (!row) throw new Error('missing_settings has no row: the migration inserts it');
  return row;
}

export async function setMissingThresholds(
  tx: PrismaTx,
  change: { mamDurationHours: number; mamRepeatCount: number; mamWindowDays: number; version: number },
  updatedById: string | null,
): Promise<ThresholdsRow | null> {
  const { version, ...values } = change;
  const { count } = await tx.missingSettings.updateMany({
    where: { id: 1, version },
    data: { ...values, updatedById, version: { increment: 1 }, updatedAt: new Date() },
  });
  return count === 1 ? getMissingThresholds(tx) : null;
}

export interface ReportEpisodeRow {
  id: string;
  personId: string;
  careStatus: CareStatus;
  reportedAt: Date;
  returnedAt: Date | null;
  rhiService: RhiService | null;
  rhiCompletedAt: Date | null;
  mamHeldAt: Date | null;
}

export interface ReportChildRow {
  id: string;
  sex: 'M' | 'F' | 'X' | 'U';
  dateOfBirth: string | null;
}

/**
 * What the committee figures are computed from: the episodes reported in [`from`, `to`) of the
 * children in scope, and (for the repeat rule) those children's episodes reported in the
 * `lookBackDays` before `from`; and those children.
 */
export async function missingFiguresData(
  tx: PrismaTx,
  from: Date,
  to: Date,
  lookBackDays: number,
  scope: DistrictScope,
) {
  const earliest = new Date(from.getTime() - lookBackDays * DAY_MS);
  const episodes = await tx.$queryRaw<ReportEpisodeRow[]>`
    SELECT me.id::text AS "id", me.person_id::text AS "personId", me.care_status::text AS "careStatus",
      me.reported_at AS "reportedAt", me.returned_at AS "returnedAt", me.rhi_service::text AS "rhiService",
      me.rhi_completed_at AS "rhiCompletedAt", me.mam_held_at AS "mamHeldAt"
    FROM missing_episode me JOIN person p ON p.id = me.person_id
    WHERE me.reported_at >= ${earliest} AND me.reported_at < ${to} AND ${missingEpisodeScope(scope)}`;
  const children = await tx.$queryRaw<ReportChildRow[]>`
    SELECT p.id::text AS "id", p.sex::text AS "sex", to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth"
    FROM person p
    WHERE p.id IN (SELECT me.person_id FROM missing_episode me WHERE me.reported_at >= ${from} AND me.reported_at < ${to})
      AND ${missingEpisodeScope(scope)}`;
  return { episodes, children };
}

export interface FrequentChildRow {
  personId: string;
  episodes: number;
  lastReportedAt: Date;
  foundLocationTypes: Array<{ type: FoundLocationType; count: number }>;
}

/** The children with the most episodes reported in [`from`, `to`), most first (two or more). */
export async function childrenMissingMost(tx: PrismaTx, from: Date, to: Date, limit: number, scope: DistrictScope) {
  return tx.$queryRaw<FrequentChildRow[]>`
    SELECT me.person_id::text AS "personId", count(*)::int AS "episodes", max(me.reported_at) AS "lastReportedAt",
      coalesce((SELECT json_agg(json_build_object('type', t.type, 'count', t.n) ORDER BY t.n DESC, t.type)
        FROM (SELECT m2.found_location_type::text AS type, count(*)::int AS n FROM missing_episode m2
              WHERE m2.person_id = me.person_id AND m2.reported_at >= ${from} AND m2.reported_at < ${to}
                AND m2.found_location_type IS NOT NULL
              GROUP BY m2.found_location_type) t), '[]'::json) AS "foundLocationTypes"
    FROM missing_episode me JOIN person p ON p.id = me.person_id
    WHERE me.reported_at >= ${from} AND me.reported_at < ${to} AND ${missingEpisodeScope(scope)}
    GROUP BY me.person_id
    HAVING count(*) >= 2
    ORDER BY count(*) DESC, max(me.reported_at) DESC, me.person_id
    LIMIT ${limit}`;
}

export interface FoundPlaceRow {
  lon: number;
  lat: number;
  episodes: number;
  children: number;
  commonestType: FoundLocationType | null;
}

/**
 * Where children are found most: found points gathered into `cellMetres` squares of the
 * British National Grid, busiest first, each at the mean of its points.
 */
export async function foundPlacesMost(
  tx: PrismaTx,
  from: Date,
  to: Date,
  cellMetres: number,
  limit: number,
  scope: DistrictScope,
) {
  return tx.$queryRaw<FoundPlaceRow[]>`
    WITH found AS (
      SELECT me.person_id, me.found_location_type, me.found_geom,
        ST_SnapToGrid(ST_Transform(me.found_geom, 27700), ${cellMetres}::float8) AS cell
      FROM missing_episode me JOIN person p ON p.id = me.person_id
      WHERE me.found_geom IS NOT NULL AND me.reported_at >= ${from} AND me.reported_at < ${to}
        AND ${missingEpisodeScope(scope)})
    SELECT ST_X(ST_Centroid(ST_Collect(found_geom)))::float8 AS "lon", ST_Y(ST_Centroid(ST_Collect(found_geom)))::float8 AS "lat",
      count(*)::int AS "episodes", count(DISTINCT person_id)::int AS "children",
      mode() WITHIN GROUP (ORDER BY found_location_type)::text AS "commonestType"
    FROM found
    GROUP BY ST_AsText(cell)
    ORDER BY count(*) DESC, count(DISTINCT person_id) DESC, ST_AsText(cell)
    LIMIT ${limit}`;
}

/** A change to a missing episode, built by `regradeChange`, `returnChange` or `closeChange`. */
export type MissingEpisodeChange = Prisma.Sql;

export async function getMultiAgencyMeeting(tx: PrismaTx, id: string) {
  return tx.multiAgencyMeeting.findUniqueOrThrow({
    where: { id },
    select: { id: true, episodeId: true, trigger: true, heldAt: true, attendees: true, outcome: true, version: true },
  });
}
