import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Contextual Safeguarding (issue 15): location and peer-group assessments, their history of
 * reviews, the assessments due on a day (for NSD and panel agendas) and the "names without
 * actions" warning.
 */

const day = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD')`);

export type AssessmentType = 'location' | 'peer_group';

export interface LocationAssessmentRow {
  id: string;
  placeId: string;
  placeName: string;
  placeDistrictCode: string | null;
  districtCode: string;
  timesOfConcern: string;
  guardianship: string;
  unsafeFactors: string;
  plan: string;
  owner: string;
  reviewOn: string;
  lastReviewedOn: string | null;
  version: number;
}

export interface LocationAssessmentValues {
  timesOfConcern: string;
  guardianship: string;
  unsafeFactors: string;
  plan: string;
  owner: string;
  reviewOn: string;
}

const locationColumns = Prisma.sql`
  la.id::text AS "id", la.place_id::text AS "placeId", p.name AS "placeName", p.district_code AS "placeDistrictCode",
  la.district_code AS "districtCode", la.times_of_concern AS "timesOfConcern", la.guardianship AS "guardianship",
  la.unsafe_factors AS "unsafeFactors", la.plan AS "plan", la.owner AS "owner", ${day('la.review_on')} AS "reviewOn",
  ${day('la.last_reviewed_on')} AS "lastReviewedOn", la.version AS "version"`;

export async function insertLocationAssessment(
  tx: PrismaTx,
  values: LocationAssessmentValues & { placeId: string; districtCode: string; createdById: string | null },
): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO location_assessment (place_id, district_code, times_of_concern, guardianship, unsafe_factors, plan, owner,
                                     review_on, created_by_id)
    VALUES (${values.placeId}::uuid, ${values.districtCode}, ${values.timesOfConcern}, ${values.guardianship},
            ${values.unsafeFactors}, ${values.plan}, ${values.owner}, ${values.reviewOn}::date, ${values.createdById}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('a location assessment vanished after insert');
  return row.id;
}

export async function getLocationAssessment(
  prisma: PrismaTx,
  id: string,
  scope: DistrictScope,
): Promise<LocationAssessmentRow | null> {
  const [row] = await prisma.$queryRaw<LocationAssessmentRow[]>`
    SELECT ${locationColumns} FROM location_assessment la JOIN place_of_concern p ON p.id = la.place_id
    WHERE la.id = ${id}::uuid AND ${districtScopeSql(Prisma.sql`la.district_code`, scope)}`;
  return row ?? null;
}

export type AssessmentUpdateOutcome =
  | { status: 'not-found' }
  | { status: 'conflict'; currentVersion: number }
  | { status: 'updated'; version: number };

/** Writes the new values if the row is still at `version`; the review marks today as reviewed. */
export async function updateLocationAssessment(
  tx: PrismaTx,
  id: string,
  version: number,
  values: LocationAssessmentValues,
  reviewedOn: string | null,
  scope: DistrictScope,
): Promise<AssessmentUpdateOutcome> {
  const [row] = await tx.$queryRaw<Array<{ version: number }>>`
    UPDATE location_assessment SET times_of_concern = ${values.timesOfConcern}, guardianship = ${values.guardianship},
      unsafe_factors = ${values.unsafeFactors}, plan = ${values.plan}, owner = ${values.owner},
      review_on = ${values.reviewOn}::date, last_reviewed_on = coalesce(${reviewedOn}::date, last_reviewed_on),
      version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${version} AND ${districtScopeSql(Prisma.sql`district_code`, scope)}
    RETURNING version AS "version"`;
  if (row) return { status: 'updated', version: row.version };
  return currentVersionOutcome(tx, 'location_assessment', id, scope);
}

async function currentVersionOutcome(
  tx: PrismaTx,
  table: 'location_assessment' | 'peer_group_assessment',
  id: string,
  scope: DistrictScope,
): Promise<AssessmentUpdateOutcome> {
  const [current] = await tx.$queryRaw<Array<{ version: number }>>`
    SELECT version AS "version" FROM ${Prisma.raw(table)}
    WHERE id = ${id}::uuid AND ${districtScopeSql(Prisma.sql`district_code`, scope)}`;
  return current ? { status: 'conflict', currentVersion: current.version } : { status: 'not-found' };
}

export interface PeerGroupAssessmentRow {
  id: string;
  name: string;
  districtCode: string;
  memberIds: string[];
  sharedPlaces: Array<{ id: string; name: string; districtCode: string | null }>;
  dynamics: string;
  safetyPlan: string;
  owner: string;
  reviewOn: string;
  lastReviewedOn: string | null;
  version: number;
}

export interface PeerGroupValues {
  name: string;
  memberIds: readonly string[];
  sharedPlaceIds: readonly string[];
  dynamics: string;
  safetyPlan: string;
  owner: string;
  reviewOn: string;
}

export async function insertPeerGroupAssessment(
  tx: PrismaTx,
  values: PeerGroupValues & { districtCode: string; createdById: string | null },
): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO peer_group_assessment (name, district_code, dynamics, safety_plan, owner, review_on, created_by_id)
    VALUES (${values.name}, ${values.districtCode}, ${values.dynamics}, ${values.safetyPlan}, ${values.owner},
            ${values.reviewOn}::date, ${values.createdById}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('a peer-group assessment vanished after insert');
  await replacePeerGroupEnds(tx, row.id, values);
  return row.id;
}

async function replacePeerGroupEnds(
  tx: PrismaTx,
  id: string,
  values: Pick<PeerGroupValues, 'memberIds' | 'sharedPlaceIds'>,
) {
  await tx.$executeRaw`DELETE FROM peer_group_member WHERE assessment_id = ${id}::uuid`;
  await tx.$executeRaw`DELETE FROM peer_group_place WHERE assessment_id = ${id}::uuid`;
  await tx.$executeRaw`
    INSERT INTO peer_group_member (assessment_id, person_id)
    SELECT ${id}::uuid, member FROM unnest(${[...values.memberIds]}::uuid[]) AS member`;
  await tx.$executeRaw`
    INSERT INTO peer_group_place (assessment_id, place_id)
    SELECT ${id}::uuid, place FROM unnest(${[...values.sharedPlaceIds]}::uuid[]) AS place`;
}

export async function getPeerGroupAssessment(
  prisma: PrismaTx,
  id: string,
  scope: DistrictScope,
): Promise<PeerGroupAssessmentRow | null> {
  const [row] = await prisma.$queryRaw<Array<Omit<PeerGroupAssessmentRow, 'sharedPlaces'> & { sharedPlaces: unknown }>>`
    SELECT g.id::text AS "id", g.name AS "name", g.district_code AS "districtCode",
      ARRAY(SELECT m.person_id::text FROM peer_group_member m WHERE m.assessment_id = g.id ORDER BY m.person_id) AS "memberIds",
      coalesce((SELECT json_agg(json_build_object('id', p.id::text, 'name', p.name, 'districtCode', p.district_code) ORDER BY p.name, p.id)
                FROM peer_group_place gp JOIN place_of_concern p ON p.id = gp.place_id WHERE gp.assessment_id = g.id), '[]'::json)
        AS "sharedPlaces",
      g.dynamics AS "dynamics", g.safety_plan AS "safetyPlan", g.owner AS "owner", ${day('g.review_on')} AS "reviewOn",
      ${day('g.last_reviewed_on')} AS "lastReviewedOn", g.version AS "version"
    FROM peer_group_assessment g
    WHERE g.id = ${id}::uuid AND ${districtScopeSql(Prisma.sql`g.district_code`, scope)}`;
  if (!row) return null;
  const sharedPlaces = (
    typeof row.sharedPlaces === 'string' ? JSON.parse(row.sharedPlaces) : row.sharedPlaces
  ) as PeerGroupAssessmentRow['sharedPlaces'];
  return { ...row, sharedPlaces };
}

export async function updatePeerGroupAssessment(
  tx: PrismaTx,
  id: string,
  version: number,
  values: PeerGroupValues,
  reviewedOn: string | null,
  scope: DistrictScope,
): Promise<AssessmentUpdateOutcome> {
  const [row] = await tx.$queryRaw<Array<{ version: number }>>`
    UPDATE peer_group_assessment SET name = ${values.name}, dynamics = ${values.dynamics},
      safety_plan = ${values.safetyPlan}, owner = ${values.owner}, review_on = ${values.reviewOn}::date,
      last_reviewed_on = coalesce(${reviewedOn}::date, last_reviewed_on), version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${version} AND ${districtScopeSql(Prisma.sql`district_code`, scope)}
    RETURNING version AS "version"`;
  if (!row) return currentVersionOutcome(tx, 'peer_group_assessment', id, scope);
  await replacePeerGroupEnds(tx, id, values);
  return { status: 'updated', version: row.version };
}

/** Keeps the version just written, as it was (the history of reviews). */
export async function insertAssessmentReview(
  tx: PrismaTx,
  review: {
    type: AssessmentType;
    assessmentId: string;
    version: number;
    snapshot: Record<string, unknown>;
    reviewed: boolean;
    recordedById: string | null;
  },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO contextual_assessment_review (assessment_type, assessment_id, version, snapshot, reviewed, recorded_by_id)
    VALUES (${review.type}, ${review.assessmentId}::uuid, ${review.version}, ${JSON.stringify(review.snapshot)}::jsonb,
            ${review.reviewed}, ${review.recordedById}::uuid)`;
}

export interface AssessmentReviewRow {
  version: number;
  reviewed: boolean;
  recordedBy: string | null;
  recordedAt: string;
  snapshot: Record<string, unknown>;
}

/** Every version of an assessment, newest first. */
export async function assessmentReviews(
  prisma: PrismaTx,
  type: AssessmentType,
  assessmentId: string,
): Promise<AssessmentReviewRow[]> {
  const rows = await prisma.$queryRaw<Array<Omit<AssessmentReviewRow, 'snapshot'> & { snapshot: unknown }>>`
    SELECT r.version AS "version", r.reviewed AS "reviewed", u.display_name AS "recordedBy",
      to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt", r.snapshot AS "snapshot"
    FROM contextual_assessment_review r LEFT JOIN app_user u ON u.id = r.recorded_by_id
    WHERE r.assessment_type = ${type} AND r.assessment_id = ${assessmentId}::uuid
    ORDER BY r.version DESC`;
  return rows.map((row) => ({
    ...row,
    snapshot: (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as Record<string, unknown>,
  }));
}

export interface AssessmentSummaryRow {
  id: string;
  type: AssessmentType;
  title: string;
  districtCode: string;
  placeId: string | null;
  placeName: string | null;
  placeDistrictCode: string | null;
  memberCount: number;
  owner: string;
  reviewOn: string;
  lastReviewedOn: string | null;
  due: boolean;
  version: number;
}

export interface AssessmentListQuery {
  districtCodes?: readonly string[] | undefined;
  type?: AssessmentType | undefined;
  /** The day "due" is judged on. */
  asOf: string;
  dueOnly: boolean;
  limit: number;
}

/**
 * When an assessment is due on a day: its review date is on or before the day, or it has never
 * been reviewed (a new assessment comes to the next meeting).
 */
const dueSql = (alias: string, asOf: string) =>
  Prisma.sql`(${Prisma.raw(alias)}.review_on <= ${asOf}::date OR ${Prisma.raw(alias)}.last_reviewed_on IS NULL)`;

/** Location and peer-group assessments of the scope, soonest review first. */
export async function listAssessments(
  prisma: PrismaTx,
  query: AssessmentListQuery,
  scope: DistrictScope,
): Promise<AssessmentSummaryRow[]> {
  const districts = query.districtCodes
    ? Prisma.sql`= ANY(${[...query.districtCodes]}::text[])`
    : Prisma.sql`IS NOT NULL`;
  const location = Prisma.sql`
    SELECT la.id::text AS "id", 'location' AS "type", p.name AS "title", la.district_code AS "districtCode",
      p.id::text AS "placeId", p.name AS "placeName", p.district_code AS "placeDistrictCode", 0 AS "memberCount",
      la.owner AS "owner", ${day('la.review_on')} AS "reviewOn", ${day('la.last_reviewed_on')} AS "lastReviewedOn",
      ${dueSql('la', query.asOf)} AS "due", la.version AS "version", la.review_on AS sort_on
    FROM location_assessment la JOIN place_of_concern p ON p.id = la.place_id
    WHERE la.district_code ${districts} AND ${districtScopeSql(Prisma.sql`la.district_code`, scope)}
      ${query.dueOnly ? Prisma.sql`AND ${dueSql('la', query.asOf)}` : Prisma.empty}`;
  const peer = Prisma.sql`
    SELECT g.id::text AS "id", 'peer_group' AS "type", g.name AS "title", g.district_code AS "districtCode",
      NULL AS "placeId", NULL AS "placeName", NULL AS "placeDistrictCode",
      (SELECT count(*) FROM peer_group_member m WHERE m.assessment_id = g.id)::int AS "memberCount",
      g.owner AS "owner", ${day('g.review_on')} AS "reviewOn", ${day('g.last_reviewed_on')} AS "lastReviewedOn",
      ${dueSql('g', query.asOf)} AS "due", g.version AS "version", g.review_on AS sort_on
    FROM peer_group_assessment g
    WHERE g.district_code ${districts} AND ${districtScopeSql(Prisma.sql`g.district_code`, scope)}
      ${query.dueOnly ? Prisma.sql`AND ${dueSql('g', query.asOf)}` : Prisma.empty}`;
  const parts = query.type === 'location' ? [location] : query.type === 'peer_group' ? [peer] : [location, peer];
  const rows = await prisma.$queryRaw<Array<AssessmentSummaryRow & { sort_on: unknown }>>`
    SELECT * FROM (${Prisma.join(parts, ' UNION ALL ')}) AS assessments
    ORDER BY sort_on, "title", "id" LIMIT ${query.limit}`;
  return rows.map(({ sort_on: _sortOn, ...row }) => row);
}

/**
 * The contextual assessments due for review on `asOf` (review date on or before it, or never
 * reviewed) in the given districts: what an NSD meeting or a MASE/CCE panel should review. No
 * scope of its own: the caller has already decided which districts the meeting covers.
 */
export async function contextualAssessmentsDue(
  tx: PrismaTx,
  options: { districtCodes: readonly string[]; asOf: string; limit?: number },
): Promise<AssessmentSummaryRow[]> {
  return listAssessments(
    tx,
    { districtCodes: options.districtCodes, asOf: options.asOf, dueOnly: true, limit: options.limit ?? 200 },
    'all',
  );
}

export interface NameWithoutActionRow {
  subjectType: 'person' | 'place';
  subjectId: string;
  linkId: string;
  linkType: string;
  lastSeen: string;
  childId: string;
}

/**
 * People and places linked (entity links) to children at high risk (CSE or CCE) in the scope
 * that have no disruption action (not ended, refused or withdrawn), no contextual assessment
 * (location assessment, peer-group membership or shared place) and no review date (an open MASE
 * or CCE panel listing). The subject must be in the scope too. Other children at high risk are
 * not listed: they are reviewed on their own. Links resting on intelligence the caller may not
 * see are left out by `linkShared`.
 */
export async function namesWithoutActions(
  prisma: PrismaTx,
  scope: DistrictScope,
  linkShared: (alias: string) => Prisma.Sql,
  districtCode?: string,
): Promise<NameWithoutActionRow[]> {
  const district = (column: Prisma.Sql) => (districtCode ? Prisma.sql`${column} = ${districtCode}` : Prisma.sql`TRUE`);
  return prisma.$queryRaw<NameWithoutActionRow[]>`
    WITH high AS (
      SELECT c.id FROM person c
      WHERE c.kind = 'child' AND c.merged_into_id IS NULL AND (c.cse_risk = 'high' OR c.cce_risk = 'high')
        AND ${districtScopeSql(Prisma.sql`c.home_district_code`, scope)}
    ), ends AS (
      SELECT l.id AS link_id, l.link_type, l.last_seen, h.id AS child_id,
        CASE WHEN l.from_type = 'person' AND l.from_id = h.id THEN l.to_type ELSE l.from_type END::text AS other_type,
        CASE WHEN l.from_type = 'person' AND l.from_id = h.id THEN l.to_id ELSE l.from_id END AS other_id
      FROM entity_link l
      JOIN high h ON (l.from_type = 'person' AND l.from_id = h.id) OR (l.to_type = 'person' AND l.to_id = h.id)
      LEFT JOIN intelligence_report ir ON l.source_type = 'intelligence_report' AND ir.id = l.source_id
      WHERE (l.source_type <> 'intelligence_report' OR (ir.id IS NOT NULL AND ${linkShared('ir')}))
    )
    SELECT e.other_type AS "subjectType", e.other_id::text AS "subjectId", e.link_id::text AS "linkId",
      e.link_type AS "linkType", ${day('e.last_seen')} AS "lastSeen", e.child_id::text AS "childId"
    FROM ends e
    LEFT JOIN person op ON e.other_type = 'person' AND op.id = e.other_id
    LEFT JOIN place_of_concern pl ON e.other_type = 'place' AND pl.id = e.other_id
    WHERE (
        (e.other_type = 'person' AND op.id IS NOT NULL AND op.merged_into_id IS NULL AND e.other_id NOT IN (SELECT id FROM high)
          AND ${districtScopeSql(Prisma.sql`op.home_district_code`, scope)} AND ${district(Prisma.sql`op.home_district_code`)})
        OR (e.other_type = 'place' AND pl.id IS NOT NULL
          AND ${districtScopeSql(Prisma.sql`pl.district_code`, scope)} AND ${district(Prisma.sql`pl.district_code`)}))
      AND NOT EXISTS (
        SELECT 1 FROM disruption_action da
        WHERE (da.target_person_id = e.other_id OR da.target_place_id = e.other_id)
          AND da.status NOT IN ('ended', 'refused', 'withdrawn'))
      AND NOT EXISTS (SELECT 1 FROM location_assessment la WHERE la.place_id = e.other_id)
      AND NOT EXISTS (SELECT 1 FROM peer_group_place gp WHERE gp.place_id = e.other_id)
      AND NOT EXISTS (SELECT 1 FROM peer_group_member gm WHERE gm.person_id = e.other_id)
      AND NOT EXISTS (
        SELECT 1 FROM panel_decision pd
        WHERE (pd.person_id = e.other_id OR pd.place_id = e.other_id) AND pd.decision <> 'closed'
          AND NOT EXISTS (
            SELECT 1 FROM panel_decision later
            WHERE later.forum = pd.forum AND later.decision = 'closed' AND later.created_at > pd.created_at
              AND (later.person_id = e.other_id OR later.place_id = e.other_id)))
    ORDER BY e.last_seen DESC, e.other_id, e.link_id`;
}
