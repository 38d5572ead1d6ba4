import type { ExploitationKind, IntelligenceAudience, NsdActionStatus } from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import { sharedIntelligenceSql } from './intelligence-share.ts';
import type { PrismaTx } from './prisma-tx.ts';

/** NSD meetings, their minutes and the district's action log; the agenda's place and child queries. */
export interface MeetingRow {
  id: string;
  districtCode: string;
  districtName: string;
  heldOn: string;
  chair: string | null;
  attendees: string[];
  agencies: string[];
  version: number;
}

const meetingColumns = Prisma.sql`
  m.id::text AS "id", m.district_code AS "districtCode", d.name AS "districtName",
  to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", m.chair AS "chair", m.attendees AS "attendees",
  m.agencies AS "agencies", m.version AS "version"`;

const scopeFilter = (scope: DistrictScope) => districtScopeSql(Prisma.sql`m.district_code`, scope);

export async function getMeeting(prisma: PrismaTx, id: string, scope: DistrictScope): Promise<MeetingRow | null> {
  const [row] = await prisma.$queryRaw<MeetingRow[]>`
    SELECT ${meetingColumns} FROM nsd_meeting m JOIN district d ON d.code = m.district_code
    WHERE m.id = ${id}::uuid AND ${scopeFilter(scope)}`;
  return row ?? null;
}

export async function listMeetings(
  prisma: PrismaTx,
  query: { districtCode?: string | undefined; limit: number },
  scope: DistrictScope,
): Promise<Array<MeetingRow & { minutes: number; openActions: number }>> {
  const conditions = [scopeFilter(scope)];
  if (query.districtCode) conditions.push(Prisma.sql`m.district_code = ${query.districtCode}`);
  return prisma.$queryRaw`
    SELECT ${meetingColumns},
      (SELECT count(*) FROM nsd_minute n WHERE n.meeting_id = m.id)::int AS "minutes",
      (SELECT count(*) FROM nsd_action_item a WHERE a.district_code = m.district_code AND a.status <> 'closed'
         AND a.raised_at_meeting_id IN (SELECT e.id FROM nsd_meeting e
                                        WHERE e.district_code = m.district_code AND e.held_on <= m.held_on))::int AS "openActions"
    FROM nsd_meeting m JOIN district d ON d.code = m.district_code
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY m.held_on DESC, d.name
    LIMIT ${query.limit}`;
}

export async function meetingOn(prisma: PrismaTx, districtCode: string, heldOn: string): Promise<string | null> {
  const [row] = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS "id" FROM nsd_meeting WHERE district_code = ${districtCode} AND held_on = ${heldOn}::date`;
  return row?.id ?? null;
}

export async function insertMeeting(
  tx: PrismaTx,
  values: {
    districtCode: string;
    heldOn: string;
    chair: string | null;
    attendees: string[];
    agencies: string[];
    createdById: string | null;
  },
): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO nsd_meeting (district_code, held_on, chair, attendees, agencies, created_by_id)
    VALUES (${values.districtCode}, ${values.heldOn}::date, ${values.chair}, ${values.attendees}::text[],
            ${values.agencies}::text[], ${values.createdById}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('an NSD meeting vanished after insert');
  return row.id;
}

/** The district's meeting before this one, if any. */
export async function previousMeeting(
  prisma: PrismaTx,
  meeting: Pick<MeetingRow, 'districtCode' | 'heldOn'>,
): Promise<{ id: string; heldOn: string } | null> {
  const [row] = await prisma.$queryRaw<Array<{ id: string; heldOn: string }>>`
    SELECT id::text AS "id", to_char(held_on, 'YYYY-MM-DD') AS "heldOn" FROM nsd_meeting
    WHERE district_code = ${meeting.districtCode} AND held_on < ${meeting.heldOn}::date
    ORDER BY held_on DESC LIMIT 1`;
  return row ?? null;
}

export interface PlaceWithNewIntelligenceRow {
  id: string;
  name: string;
  lon: number;
  lat: number;
  reports: number;
}

/**
 * Places of concern in the district, of concern on the meeting day, with intelligence submitted
 * within `radiusMetres` of them after `since` and up to the meeting day (Europe/London dates).
 */
export async function placesWithNewIntelligence(
  prisma: PrismaTx,
  districtCode: string,
  since: string,
  until: string,
  radiusMetres: number,
  audience: IntelligenceAudience = 'partner',
): Promise<PlaceWithNewIntelligenceRow[]> {
  return prisma.$queryRaw<PlaceWithNewIntelligenceRow[]>`
    SELECT pc.id::text AS "id", pc.name AS "name", ST_X(pc.geom)::float8 AS "lon", ST_Y(pc.geom)::float8 AS "lat",
           count(i.id)::int AS "reports"
    FROM place_of_concern pc
    JOIN intelligence_report i
      ON i.geom IS NOT NULL AND ST_DWithin(i.geom, pc.geom, ${radiusMetres / 50_000}::float8)
     AND ST_DWithin(i.geom::geography, pc.geom::geography, ${radiusMetres}::float8)
     AND (i.submitted_at AT TIME ZONE 'Europe/London')::date > ${since}::date
     AND (i.submitted_at AT TIME ZONE 'Europe/London')::date <= ${until}::date
     AND ${sharedIntelligenceSql('i', audience)}
    WHERE pc.district_code = ${districtCode} AND pc.concern_since <= ${until}::date
      AND (pc.concern_until IS NULL OR pc.concern_until >= ${until}::date)
    GROUP BY pc.id
    ORDER BY count(i.id) DESC, pc.name, pc.id
    LIMIT 25`;
}

/**
 * Children of concern in the district: under 18 on the meeting day (or of unknown age), living
 * there with a medium or high CSE or CCE risk, or reported missing since the last meeting. Highest
 * risk and most episodes first; `total` is how many there are in all, however many are returned.
 */
export async function childrenOfConcern(
  prisma: PrismaTx,
  districtCode: string,
  since: string,
  until: string,
  limit = 25,
): Promise<Array<{ id: string; reason: string; total: number }>> {
  return prisma.$queryRaw<Array<{ id: string; reason: string; total: number }>>`
    WITH episodes AS (
      SELECT e.person_id, count(*)::int AS n FROM missing_episode e
      WHERE (e.reported_at AT TIME ZONE 'Europe/London')::date > ${since}::date
        AND (e.reported_at AT TIME ZONE 'Europe/London')::date <= ${until}::date
      GROUP BY e.person_id)
    SELECT p.id::text AS "id",
      concat_ws('; ',
        CASE WHEN p.cse_risk IN ('medium', 'high') THEN 'CSE risk ' || p.cse_risk END,
        CASE WHEN p.cce_risk IN ('medium', 'high') THEN 'CCE risk ' || p.cce_risk END,
        CASE WHEN ep.n > 0 THEN ep.n || ' missing episode' || CASE WHEN ep.n > 1 THEN 's' ELSE '' END || ' since the last meeting' END
      ) AS "reason",
      (count(*) OVER ())::int AS "total"
    FROM person p LEFT JOIN episodes ep ON ep.person_id = p.id
    WHERE p.kind = 'child' AND p.home_district_code = ${districtCode}
      AND (p.date_of_birth IS NULL OR p.date_of_birth > ${until}::date - interval '18 years') AND p.merged_into_id IS NULL
      AND (p.cse_risk IN ('medium', 'high') OR p.cce_risk IN ('medium', 'high') OR ep.n > 0)
    ORDER BY GREATEST(array_position(ARRAY['none','low','medium','high'], p.cse_risk::text),
                      array_position(ARRAY['none','low','medium','high'], p.cce_risk::text)) DESC,
             coalesce(ep.n, 0) DESC, p.pseudonym_ref
    LIMIT ${limit}`;
}

/**
 * A meeting that minutes its items and keeps an action log: an NSD meeting of a district or a
 * MASE/CCE panel meeting (county-wide, its log the forum's).
 */
export type MinutedMeeting = { kind: 'nsd'; id: string } | { kind: 'panel'; id: string };

/** The column of nsd_minute that names a meeting of this kind. */
function minuteMeetingColumn(meeting: MinutedMeeting): Prisma.Sql {
  return meeting.kind === 'nsd' ? Prisma.sql`n.meeting_id` : Prisma.sql`n.panel_meeting_id`;
}

export interface MinuteRow {
  id: string;
  itemKey: string;
  itemTitle: string;
  text: string;
  recordedBy: string | null;
  version: number;
}

export async function listMinutes(prisma: PrismaTx, meeting: MinutedMeeting): Promise<MinuteRow[]> {
  return prisma.$queryRaw<MinuteRow[]>`
    SELECT n.id::text AS "id", n.item_key AS "itemKey", n.item_title AS "itemTitle", n.text AS "text",
           u.display_name AS "recordedBy", n.version AS "version"
    FROM nsd_minute n LEFT JOIN app_user u ON u.id = n.recorded_by_id
    WHERE ${minuteMeetingColumn(meeting)} = ${meeting.id}::uuid ORDER BY n.created_at, n.id`;
}

export type MinuteWriteOutcome =
  | { status: 'written'; minute: MinuteRow }
  | { status: 'conflict'; currentVersion: number | null };

/**
 * Writes the minute of an item. The first minute needs no version; replacing one needs the
 * version read, so two people minuting the same item cannot overwrite each other unseen.
 */
export async function writeMinute(
  tx: PrismaTx,
  values: {
    meeting: MinutedMeeting;
    itemKey: string;
    itemTitle: string;
    text: string;
    version: number | undefined;
    userId: string | null;
  },
): Promise<MinuteWriteOutcome> {
  const { meeting } = values;
  const nsdMeetingId = meeting.kind === 'nsd' ? meeting.id : null;
  const panelMeetingId = meeting.kind === 'panel' ? meeting.id : null;
  const [current] = await tx.$queryRaw<Array<{ version: number }>>`
    SELECT version FROM nsd_minute n WHERE ${minuteMeetingColumn(meeting)} = ${meeting.id}::uuid AND item_key = ${values.itemKey}
    FOR UPDATE`;
  if (values.version === undefined) {
    if (current) return { status: 'conflict', currentVersion: current.version };
    await tx.$executeRaw`
      INSERT INTO nsd_minute (meeting_id, panel_meeting_id, item_key, item_title, text, recorded_by_id)
      VALUES (${nsdMeetingId}::uuid, ${panelMeetingId}::uuid, ${values.itemKey}, ${values.itemTitle}, ${values.text}, ${values.userId}::uuid)`;
  } else {
    const count = await tx.$executeRaw`
      UPDATE nsd_minute n SET item_title = ${values.itemTitle}, text = ${values.text}, recorded_by_id = ${values.userId}::uuid,
             version = version + 1, updated_at = now()
      WHERE ${minuteMeetingColumn(meeting)} = ${meeting.id}::uuid AND item_key = ${values.itemKey} AND version = ${values.version}`;
    if (count === 0) return { status: 'conflict', currentVersion: current?.version ?? null };
  }
  const minute = (await listMinutes(tx, meeting)).find((row) => row.itemKey === values.itemKey);
  if (!minute) throw new Error('a minute vanished after it was written');
  return { status: 'written', minute };
}

export interface ActionItemRow {
  id: string;
  /** Null for a panel's action. */
  districtCode: string | null;
  /** The NSD or panel meeting that raised the item. */
  raisedAtMeetingId: string;
  /** The panel's forum for a panel's action, null for an NSD action. */
  forum: ExploitationKind | null;
  raisedOn: string;
  description: string;
  owner: string;
  agency: string;
  dueOn: string;
  status: NsdActionStatus;
  closedOn: string | null;
  updateNote: string | null;
  disruptionActionId: string | null;
  version: number;
}

const actionItemColumns = Prisma.sql`
  a.id::text AS "id", a.district_code AS "districtCode",
  coalesce(a.raised_at_meeting_id, a.raised_at_panel_meeting_id)::text AS "raisedAtMeetingId",
  pr.forum::text AS "forum", to_char(coalesce(r.held_on, pr.held_on), 'YYYY-MM-DD') AS "raisedOn", a.description AS "description", a.owner AS "owner", a.agency AS "agency",
  to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status::text AS "status", to_char(a.closed_on, 'YYYY-MM-DD') AS "closedOn",
  a.update_note AS "updateNote", a.disruption_action_id::text AS "disruptionActionId", a.version AS "version"`;

/** Action items with the NSD or panel meeting that raised them (r or pr). */
const actionItemsFrom = Prisma.sql`
  nsd_action_item a LEFT JOIN nsd_meeting r ON r.id = a.raised_at_meeting_id
  LEFT JOIN panel_meeting pr ON pr.id = a.raised_at_panel_meeting_id`;

/** Whose action log: an NSD district's or a MASE/CCE panel's. */
export type ActionLogOwner = { kind: 'nsd'; districtCode: string } | { kind: 'panel'; forum: ExploitationKind };

function actionLogOwnerSql(owner: ActionLogOwner): Prisma.Sql {
  return owner.kind === 'nsd'
    ? Prisma.sql`a.district_code = ${owner.districtCode}`
    : Prisma.sql`pr.forum = ${owner.forum}::exploitation_kind`;
}

/**
 * The action log as it stands at a meeting: items raised at this or an earlier meeting of the
 * district that were still open on the day after the previous meeting (so an item closed since
 * then is shown once more, as closed, and then drops off).
 */
export async function actionLogAt(
  prisma: PrismaTx,
  owner: ActionLogOwner,
  heldOn: string,
  previousHeldOn: string | null,
): Promise<ActionItemRow[]> {
  return prisma.$queryRaw<ActionItemRow[]>`
    SELECT ${actionItemColumns}
    FROM ${actionItemsFrom}
    WHERE ${actionLogOwnerSql(owner)} AND coalesce(r.held_on, pr.held_on) <= ${heldOn}::date
      AND (a.closed_on IS NULL OR a.closed_on > coalesce(${previousHeldOn}::date, coalesce(r.held_on, pr.held_on) - 1))
    ORDER BY a.status = 'closed', a.due_on, coalesce(r.held_on, pr.held_on), a.id`;
}

/**
 * An action item of an NSD district in `scope`, or (with `{ panel: true }`) of a panel: panels are
 * county-wide, so a panel's item is reached only as a panel's, never through NSD scope.
 */
export async function getActionItem(
  prisma: PrismaTx,
  id: string,
  scope: DistrictScope | { panel: true },
): Promise<ActionItemRow | null> {
  const filter =
    typeof scope === 'object' && 'panel' in scope
      ? Prisma.sql`a.raised_at_panel_meeting_id IS NOT NULL`
      : Prisma.sql`a.raised_at_meeting_id IS NOT NULL AND ${districtScopeSql(Prisma.sql`a.district_code`, scope)}`;
  const [row] = await prisma.$queryRaw<ActionItemRow[]>`
    SELECT ${actionItemColumns} FROM ${actionItemsFrom}
    WHERE a.id = ${id}::uuid AND ${filter}`;
  return row ?? null;
}

export async function insertActionItem(
  tx: PrismaTx,
  values: {
    /** The raising meeting: an NSD meeting of its district, or a panel meeting. */
    raisedAt: { kind: 'nsd'; id: string; districtCode: string } | { kind: 'panel'; id: string };
    description: string;
    owner: string;
    agency: string;
    dueOn: string;
    disruptionActionId: string | null;
  },
): Promise<string> {
  const { raisedAt } = values;
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO nsd_action_item (district_code, raised_at_meeting_id, raised_at_panel_meeting_id, description, owner, agency,
                                 due_on, disruption_action_id)
    VALUES (${raisedAt.kind === 'nsd' ? raisedAt.districtCode : null}, ${raisedAt.kind === 'nsd' ? raisedAt.id : null}::uuid,
            ${raisedAt.kind === 'panel' ? raisedAt.id : null}::uuid, ${values.description}, ${values.owner}, ${values.agency},
            ${values.dueOn}::date, ${values.disruptionActionId}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('an action log item vanished after insert');
  return row.id;
}

/** Applies changes if the item still has `version`; closing dates it `today`, reopening clears it. */
export async function updateActionItem(
  tx: PrismaTx,
  id: string,
  version: number,
  changes: {
    description?: string | undefined;
    owner?: string | undefined;
    agency?: string | undefined;
    dueOn?: string | undefined;
    status?: NsdActionStatus | undefined;
    updateNote?: string | null | undefined;
  },
  today: string,
): Promise<boolean> {
  const assignments: Prisma.Sql[] = [];
  if (changes.description !== undefined) assignments.push(Prisma.sql`description = ${changes.description}`);
  if (changes.owner !== undefined) assignments.push(Prisma.sql`owner = ${changes.owner}`);
  if (changes.agency !== undefined) assignments.push(Prisma.sql`agency = ${changes.agency}`);
  if (changes.dueOn !== undefined) assignments.push(Prisma.sql`due_on = ${changes.dueOn}::date`);
  if (changes.updateNote !== undefined) assignments.push(Prisma.sql`update_note = ${changes.updateNote}`);
  if (changes.status !== undefined) {
    assignments.push(Prisma.sql`status = ${changes.status}::nsd_action_status`);
    assignments.push(
      changes.status === 'closed'
        ? Prisma.sql`closed_on = coalesce(closed_on, ${today}::date)`
        : Prisma.sql`closed_on = NULL`,
    );
  }
  assignments.push(Prisma.sql`version = version + 1`, Prisma.sql`updated_at = now()`);
  const count = await tx.$executeRaw`
    UPDATE nsd_action_item SET ${Prisma.join(assignments, ', ')} WHERE id = ${id}::uuid AND version = ${version}`;
  return count === 1;
}
