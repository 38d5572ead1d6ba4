import type {
  DisruptionDates,
  DisruptionOutcome,
  DisruptionStatus,
  DisruptionTargetType,
  IntelligenceAudience,
  PlaceCategory,
  TacticTheme,
  TransitionPlan,
} from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Disruption actions: rows with their tactic, holder, owner, district and target joined, the
 * status history, the list of reviews and expiries due, actions in force for the map, and the
 * counts of incidents near a target (ST_DWithin on geography: metres on the spheroid).
 */
export interface DisruptionRow extends DisruptionDates {
  id: string;
  tacticId: string;
  tacticCode: string;
  tacticName: string;
  tacticTheme: TacticTheme;
  tacticNeedsCourt: boolean;
  tacticMaxDurationDays: number | null;
  targetType: DisruptionTargetType;
  targetName: string | null;
  placeId: string | null;
  placeName: string | null;
  placeCategory: PlaceCategory | null;
  placeLon: number | null;
  placeLat: number | null;
  personId: string | null;
  vehicleId: string | null;
  vehicleRegistration: string | null;
  holderAgencyId: string;
  holderAgencyName: string;
  holderAgencyKind: string;
  ownerId: string;
  ownerName: string;
  districtCode: string;
  districtName: string;
  status: DisruptionStatus;
  outcome: DisruptionOutcome | null;
  notes: string | null;
  version: number;
}

const day = (column: string) => Prisma.raw(`to_char(da.${column}, 'YYYY-MM-DD')`);

const actionColumns = Prisma.sql`
  da.id::text AS "id", t.id::text AS "tacticId", t.code AS "tacticCode", t.name AS "tacticName",
  t.theme::text AS "tacticTheme", t.needs_court AS "tacticNeedsCourt", t.max_duration_days AS "tacticMaxDurationDays",
  da.target_type::text AS "targetType", da.target_name AS "targetName",
  pc.id::text AS "placeId", pc.name AS "placeName", pc.category::text AS "placeCategory",
  ST_X(pc.geom)::float8 AS "placeLon", ST_Y(pc.geom)::float8 AS "placeLat",
  da.target_person_id::text AS "personId", v.id::text AS "vehicleId", v.registration AS "vehicleRegistration",
  ag.id::text AS "holderAgencyId", ag.name AS "holderAgencyName", ag.kind::text AS "holderAgencyKind",
  u.id::text AS "ownerId", u.display_name AS "ownerName", d.code AS "districtCode", d.name AS "districtName",
  da.status::text AS "status", da.outcome::text AS "outcome",
  ${day('proposed_on')} AS "proposedOn", ${day('agreed_on')} AS "agreedOn", ${day('in_force_from')} AS "inForceFrom",
  ${day('review_on')} AS "reviewOn", ${day('expires_on')} AS "expiresOn", ${day('ended_on')} AS "endedOn",
  da.notes AS "notes", da.version AS "version"`;

const actionFrom = Prisma.sql`
  disruption_action da
  JOIN tactic t ON t.id = da.tactic_id
  JOIN agency ag ON ag.id = da.holder_agency_id
  JOIN app_user u ON u.id = da.owner_id
  JOIN district d ON d.code = da.district_code
  LEFT JOIN place_of_concern pc ON pc.id = da.target_place_id
  LEFT JOIN vehicle v ON v.id = da.target_vehicle_id`;

const scopeFilter = (scope: DistrictScope) => districtScopeSql(Prisma.sql`da.district_code`, scope);

const inForce = Prisma.sql`da.status IN ('in_force', 'reviewed')`;

export async function getDisruption(prisma: PrismaTx, id: string, scope: DistrictScope): Promise<DisruptionRow | null> {
  const [row] = await prisma.$queryRaw<DisruptionRow[]>`
    SELECT ${actionColumns} FROM ${actionFrom} WHERE da.id = ${id}::uuid AND ${scopeFilter(scope)}`;
  return row ?? null;
}

export interface DisruptionQuery {
  districtCode?: string | undefined;
  ownerId?: string | undefined;
  placeId?: string | undefined;
  status?: readonly DisruptionStatus[] | undefined;
  due?: 'review' | 'expiry' | 'either' | undefined;
  /** With `due`: the last day that counts as due ('YYYY-MM-DD'). */
  dueBy?: string | undefined;
  /** Open actions for a meeting's agenda: awaiting agreement or in force, with a review or expiry by `dueBy`. */
  forAgenda?: boolean | undefined;
  limit: number;
}

function dueCondition(due: 'review' | 'expiry' | 'either', dueBy: string) {
  const review = Prisma.sql`da.review_on <= ${dueBy}::date`;
  const expiry = Prisma.sql`da.expires_on <= ${dueBy}::date`;
  const which = due === 'review' ? review : due === 'expiry' ? expiry : Prisma.sql`(${review} OR ${expiry})`;
  return Prisma.sql`${inForce} AND ${which}`;
}

export async function listDisruption(
  prisma: PrismaTx,
  query: DisruptionQuery,
  scope: DistrictScope,
): Promise<DisruptionRow[]> {
  const conditions = [scopeFilter(scope)];
  if (query.districtCode) conditions.push(Prisma.sql`da.district_code = ${query.districtCode}`);
  if (query.ownerId) conditions.push(Prisma.sql`da.owner_id = ${query.ownerId}::uuid`);
  if (query.placeId) conditions.push(Prisma.sql`da.target_place_id = ${query.placeId}::uuid`);
  if (query.status && query.status.length > 0) {
    conditions.push(Prisma.sql`da.status::text = ANY(${[...query.status]}::text[])`);
  }
  if (query.due && query.dueBy) conditions.push(dueCondition(query.due, query.dueBy));
  if (query.forAgenda && query.dueBy) {
    conditions.push(Prisma.sql`(da.status IN ('proposed', 'agreed') OR (${dueCondition('either', query.dueBy)}))`);
  }
  return prisma.$queryRaw<DisruptionRow[]>`
    SELECT ${actionColumns} FROM ${actionFrom}
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY coalesce(LEAST(da.review_on, da.expires_on), da.review_on, da.expires_on, da.proposed_on), da.id
    LIMIT ${query.limit}`;
}

export interface DueRow {
  districtCode: string;
  districtName: string;
  ownerId: string;
  ownerName: string;
  reviewsDue: number;
  expiring: number;
}

/** In-force actions whose review or expiry falls by `dueBy`, counted per district and owner. */
export async function disruptionDue(
  prisma: PrismaTx,
  query: Pick<DisruptionQuery, 'districtCode' | 'ownerId'>,
  scope: DistrictScope,
  dueBy: string,
): Promise<DueRow[]> {
  const conditions = [scopeFilter(scope), dueCondition('either', dueBy)];
  if (query.districtCode) conditions.push(Prisma.sql`da.district_code = ${query.districtCode}`);
  if (query.ownerId) conditions.push(Prisma.sql`da.owner_id = ${query.ownerId}::uuid`);
  return prisma.$queryRaw<DueRow[]>`
    SELECT d.code AS "districtCode", d.name AS "districtName", u.id::text AS "ownerId", u.display_name AS "ownerName",
           count(*) FILTER (WHERE da.review_on <= ${dueBy}::date)::int AS "reviewsDue",
           count(*) FILTER (WHERE da.expires_on <= ${dueBy}::date)::int AS "expiring"
    FROM disruption_action da JOIN district d ON d.code = da.district_code JOIN app_user u ON u.id = da.owner_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    GROUP BY d.code, d.name, u.id, u.display_name
    ORDER BY d.name, u.display_name, u.id`;
}

export interface NewDisruption {
  tacticId: string;
  targetType: DisruptionTargetType;
  targetPlaceId: string | null;
  targetPersonId: string | null;
  targetVehicleId: string | null;
  targetName: string | null;
  holderAgencyId: string;
  ownerId: string;
  districtCode: string;
  proposedOn: string;
  notes: string | null;
  createdById: string | null;
}

export async function insertDisruption(tx: PrismaTx, values: NewDisruption): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO disruption_action (tactic_id, target_type, target_place_id, target_person_id, target_vehicle_id,
      target_name, holder_agency_id, owner_id, district_code, proposed_on, notes, created_by_id)
    VALUES (${values.tacticId}::uuid, ${values.targetType}::disruption_target_type, ${values.targetPlaceId}::uuid,
      ${values.targetPersonId}::uuid, ${values.targetVehicleId}::uuid, ${values.targetName},
      ${values.holderAgencyId}::uuid, ${values.ownerId}::uuid, ${values.districtCode}, ${values.proposedOn}::date,
      ${values.notes}, ${values.createdById}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('a disruption action vanished after insert');
  return row.id;
}

/** Writes a planned status change if the row still has `version`; false when it has moved on. */
export async function applyDisruptionPlan(
  tx: PrismaTx,
  id: string,
  version: number,
  plan: TransitionPlan,
): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE disruption_action SET
      status = ${plan.status}::disruption_status, outcome = ${plan.outcome}::disruption_outcome,
      agreed_on = ${plan.agreedOn}::date, in_force_from = ${plan.inForceFrom}::date, review_on = ${plan.reviewOn}::date,
      expires_on = ${plan.expiresOn}::date, ended_on = ${plan.endedOn}::date,
      version = version + 1, updated_at = now()
    WHERE id = ${id}::uuid AND version = ${version}`;
  return count === 1;
}

export async function insertStatusChange(
  tx: PrismaTx,
  change: {
    actionId: string;
    from: DisruptionStatus | null;
    to: DisruptionStatus;
    userId: string | null;
    reason: string;
  },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO disruption_status_change (action_id, from_status, to_status, changed_by_id, reason)
    VALUES (${change.actionId}::uuid, ${change.from}::disruption_status, ${change.to}::disruption_status,
            ${change.userId}::uuid, ${change.reason})`;
}

export interface StatusChangeRow {
  from: DisruptionStatus | null;
  to: DisruptionStatus;
  changedBy: string | null;
  reason: string;
  changedAt: string;
}

export async function listStatusChanges(prisma: PrismaTx, actionId: string): Promise<StatusChangeRow[]> {
  return prisma.$queryRaw<StatusChangeRow[]>`
    SELECT c.from_status::text AS "from", c.to_status::text AS "to", u.display_name AS "changedBy", c.reason AS "reason",
           to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "changedAt"
    FROM disruption_status_change c LEFT JOIN app_user u ON u.id = c.changed_by_id
    WHERE c.action_id = ${actionId}::uuid
    ORDER BY c.changed_at, c.id`;
}

export interface MapActionRow {
  actionId: string;
  tacticCode: string;
  tacticName: string;
  status: DisruptionStatus;
  placeId: string;
  placeName: string;
  lon: number;
  lat: number;
  districtCode: string;
  inForceFrom: string;
  expiresOn: string | null;
}

/** Actions in force on `today` whose target is a place: what the map and the pack show. */
export async function disruptionInForceOnPlaces(
  prisma: PrismaTx,
  query: { districtCode?: string | undefined; bbox?: readonly [number, number, number, number] | undefined },
  scope: DistrictScope,
  today: string,
): Promise<MapActionRow[]> {
  const conditions = [
    scopeFilter(scope),
    inForce,
    Prisma.sql`da.in_force_from <= ${today}::date`,
    Prisma.sql`(da.expires_on IS NULL OR da.expires_on >= ${today}::date)`,
  ];
  if (query.districtCode) conditions.push(Prisma.sql`da.district_code = ${query.districtCode}`);
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    conditions.push(
      Prisma.sql`pc.geom && ST_MakeEnvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`,
    );
  }
  return prisma.$queryRaw<MapActionRow[]>`
    SELECT da.id::text AS "actionId", t.code AS "tacticCode", t.name AS "tacticName", da.status::text AS "status",
           pc.id::text AS "placeId", pc.name AS "placeName", ST_X(pc.geom)::float8 AS "lon", ST_Y(pc.geom)::float8 AS "lat",
           da.district_code AS "districtCode", to_char(da.in_force_from, 'YYYY-MM-DD') AS "inForceFrom",
           to_char(da.expires_on, 'YYYY-MM-DD') AS "expiresOn"
    FROM disruption_action da JOIN tactic t ON t.id = da.tactic_id
    JOIN place_of_concern pc ON pc.id = da.target_place_id
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY da.in_force_from DESC, da.id`;
}

export interface EffectWindow {
  from: string;
  to: string;
}

export interface EffectCounts {
  crimeBefore: number;
  crimeAfter: number;
  intelligenceBefore: number;
  intelligenceAfter: number;
  missingFoundBefore: number;
  missingFoundAfter: number;
}

/**
 * Incidents within `distanceMetres` of a place in two windows (dates inclusive): police.uk crime
 * by its month (the windows are whole months), intelligence by when it happened (else when it was
 * submitted) and missing episodes by where and when the child was found, in Europe/London dates.
 * The geometry test `ST_DWithin(geom, point, metres / 50000)` (degrees: more than the distance
 * both ways at this latitude) lets the spatial index narrow the rows before the exact test.
 */
export async function effectCounts(
  prisma: PrismaTx,
  placeId: string,
  distanceMetres: number,
  before: EffectWindow,
  after: EffectWindow,
  crimeTypes: readonly string[],
  audience: IntelligenceAudience = 'partner',
): Promise<EffectCounts> {
  const degrees = distanceMetres / 50_000;
  const near = (column: string) =>
    Prisma.sql`${Prisma.raw(column)} IS NOT NULL AND ST_DWithin(${Prisma.raw(column)}, t.geom, ${degrees}::float8)
      AND ST_DWithin(${Prisma.raw(column)}::geography, t.geom::geography, ${distanceMetres}::float8)`;
  const crimeTypeFilter =
    crimeTypes.length === 0 ? Prisma.sql`TRUE` : Prisma.sql`c.crime_type = ANY(${[...crimeTypes]}::text[])`;
  const inWindow = (expression: Prisma.Sql, window: EffectWindow) =>
    Prisma.sql`${expression} BETWEEN ${window.from}::date AND ${window.to}::date`;
  const intelligenceDay = Prisma.sql`(coalesce(i.occurred_at, i.submitted_at) AT TIME ZONE 'Europe/London')::date`;
  const shared = sharedIntelligenceSql('i', audience);
  const foundDay = Prisma.sql`(coalesce(m.returned_at, m.reported_at) AT TIME ZONE 'Europe/London')::date`;
  const [row] = await prisma.$queryRaw<EffectCounts[]>`
    WITH t AS (SELECT geom FROM place_of_concern WHERE id = ${placeId}::uuid)
    SELECT
      (SELECT count(*) FROM crime_event c, t WHERE ${near('c.geom')} AND ${crimeTypeFilter} AND ${inWindow(Prisma.sql`c.month`, before)})::int AS "crimeBefore",
      (SELECT count(*) FROM crime_event c, t WHERE ${near('c.geom')} AND ${crimeTypeFilter} AND ${inWindow(Prisma.sql`c.month`, after)})::int AS "crimeAfter",
      (SELECT count(*) FROM intelligence_report i, t WHERE ${near('i.geom')} AND ${shared} AND ${inWindow(intelligenceDay, before)})::int AS "intelligenceBefore",
      (SELECT count(*) FROM intelligence_report i, t WHERE ${near('i.geom')} AND ${shared} AND ${inWindow(intelligenceDay, after)})::int AS "intelligenceAfter",
      (SELECT count(*) FROM missing_episode m, t WHERE ${near('m.found_geom')} AND ${inWindow(foundDay, before)})::int AS "missingFoundBefore",
      (SELECT count(*) FROM missing_episode m, t WHERE ${near('m.found_geom')} AND ${inWindow(foundDay, after)})::int AS "missingFoundAfter"`;
  if (!row) throw new Error('the effect query returned no row');
  return row;
}
