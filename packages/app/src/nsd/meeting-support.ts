import {
  type ActionItemRow,
  type ActionLogOwner,
  actionLogAt,
  childrenOfConcern,
  getMeeting,
  getPerson,
  listDisruption,
  listMinutes,
  type MeetingRow,
  namePoints,
  placesWithNewIntelligence,
  previousMeeting,
  type Transaction,
} from '@lantern/db';
import {
  type AgendaItem,
  AppError,
  addDays,
  emergingInput,
  type HotspotSource,
  lastCompleteMonthEnd,
  londonDate,
  monthStart,
  type NsdActionItem,
  type NsdAgenda,
  type NsdMeeting,
  type Person,
  pointDescription,
  readableDate,
  toPersonDto,
} from '@lantern/domain';
import { fromBritishNationalGrid } from '@lantern/geo';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { dueAssessmentAgendaItems } from '../contextual/due-assessment-agenda-items.ts';
import { presentDisruption } from '../disruption/present-disruption-action.ts';
import { findEmergingHotspots } from '../hotspots/find-emerging-hotspots.ts';

export const notFound = (id: string) => new AppError('NOT_FOUND', `No NSD meeting ${id} in your districts`);

/** Intelligence within this distance of a place of concern counts as intelligence about it. */
export const placeIntelligenceRadiusMetres = 250;

/** Actions whose review or expiry falls before the next monthly meeting (with a week's grace). */
export const agendaHorizonDays = 35;

/** How many children of concern an agenda lists (highest risk first); a note says how many there are in all. */
export const childrenOnAgenda = 25;

/** With no earlier meeting, "new" intelligence is that of the four weeks before. */
export const firstMeetingLookbackDays = 28;

export function toMeeting(row: MeetingRow): NsdMeeting {
  return {
    id: row.id,
    district: { code: row.districtCode, name: row.districtName },
    heldOn: row.heldOn,
    chair: row.chair,
    attendees: row.attendees,
    agencies: row.agencies,
    version: row.version,
  };
}

export async function meetingOrNotFound(tx: Transaction, access: Access, id: string) {
  const row = await getMeeting(tx, id, access.scope);
  if (!row) throw notFound(id);
  return row;
}

export interface AgendaHotspots {
  items: Array<Omit<AgendaItem, 'minute' | 'place' | 'action' | 'person'>>;
  notes: string[];
}

/** Months of history the hotspot trend is read over: the six whole months before the meeting. */
export const hotspotMonths = 6;

/** At most this many hotspots of each source on an agenda (the strongest trends). */
export const hotspotsPerSource = 5;

export const hotspotSourceLabels: Partial<Record<HotspotSource, string>> = {
  'police-uk': 'police.uk crime',
  intelligence: 'intelligence reports',
};

/**
 * New or intensifying hot spots (emerging hot-spot analysis, packages/geo) of police.uk crime and
 * intelligence in the district over the six complete months before the meeting. Run outside the
 * agenda's transaction: the analysis reads through the shared client, and PGlite has one
 * connection.
 */
export async function agendaHotspots(app: AppContext, access: Access, meeting: MeetingRow): Promise<AgendaHotspots> {
  // Complete months only: for a meeting arranged for a later month, the month under way is not one.
  const to = lastCompleteMonthEnd(addDays(monthStart(meeting.heldOn), -1), londonDate());
  const from = monthStart(to, -(hotspotMonths - 1));
  const items: AgendaHotspots['items'] = [];
  const notes: string[] = [];
  // Packs are read on paper: '1 Jun 2026 to 30 Nov 2026', never ISO dates.
  const period = `${readableDate(from)} to ${readableDate(to)}`;
  for (const source of ['police-uk', 'intelligence'] as const) {
    const label = hotspotSourceLabels[source] ?? source;
    const input = emergingInput.parse({ source, districtCodes: [meeting.districtCode], from, to });
    let result: Awaited<ReturnType<typeof findEmergingHotspots>>;
    try {
      result = await findEmergingHotspots(app, access, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`Hotspots of ${label} could not be worked out: ${error.message}`);
      continue;
    }
    const rising = result.cells
      .filter((cell) => cell.kind === 'hot' && (cell.pattern === 'new' || cell.pattern === 'intensifying'))
      .sort((left, right) => right.trendZ - left.trendZ)
      .slice(0, hotspotsPerSource);
    if (result.events === 0) {
      // No data is not "nothing found": say which, so nobody reads an empty import as a quiet district.
      notes.push(`No ${label} data for the district from ${period}: hotspots cannot be looked for.`);
    } else if (rising.length === 0) {
      notes.push(`No new or intensifying hotspots of ${label} from ${period}.`);
    }
    const points = rising.map((cell) => {
      const [lon, lat] = fromBritishNationalGrid([cell.x, cell.y]);
      return { lon, lat };
    });
    // Named as a reader names a place (ward, nearest street), not by its grid cell.
    const names = await namePoints(app.db.prisma, points);
    rising.forEach((cell, index) => {
      const pattern = cell.pattern === 'new' ? 'New' : 'Intensifying';
      const name = names[index];
      const where = name ? pointDescription(name) : null;
      items.push({
        key: `hotspot:${source}-${cell.id}`,
        kind: 'hotspot',
        title: `${pattern} hotspot of ${label}${where ? `: ${where}` : ''}`,
        detail: [
          `Emerging hot-spot analysis of ${period}: ${cell.hotSlices} of ${result.months.length} months significantly hot; trend z ${cell.trendZ.toFixed(1)}`,
          `Grid cell ${cell.id} (${result.cell} m)`,
        ],
        point: points[index] ?? { lon: 0, lat: 0 },
      });
    });
  }
  return { items, notes };
}

export function childTitle(person: Person): string {
  return person.view === 'full'
    ? `${person.givenName} ${person.familyName}`
    : `${person.initials} (${person.pseudonymRef})`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The agenda of a meeting, with the ids of the children it shows (for the audit). */
export async function buildAgenda(
  tx: Transaction,
  access: Access,
  meeting: MeetingRow,
  hotspots: AgendaHotspots,
): Promise<{ agenda: NsdAgenda; childIds: string[] }> {
  const previous = await previousMeeting(tx, meeting);
  const since = previous?.heldOn ?? addDays(meeting.heldOn, -firstMeetingLookbackDays);
  const minutes = new Map(
    (await listMinutes(tx, { kind: 'nsd', id: meeting.id })).map((minute) => [minute.itemKey, minute]),
  );
  const items: AgendaItem[] = [];
  const add = (item: Omit<AgendaItem, 'minute' | 'place' | 'point' | 'action' | 'person'> & Partial<AgendaItem>) => {
    const minute = minutes.get(item.key);
    items.push({
      place: null,
      point: null,
      action: null,
      person: null,
      ...item,
      minute: minute
        ? {
            itemKey: minute.itemKey,
            itemTitle: minute.itemTitle,
            text: minute.text,
            recordedBy: minute.recordedBy,
            version: minute.version,
          }
        : null,
    });
  };

  for (const hotspot of hotspots.items) add(hotspot);

  const places = await placesWithNewIntelligence(
    tx,
    meeting.districtCode,
    since,
    meeting.heldOn,
    placeIntelligenceRadiusMetres,
    access.intelligenceAudience,
  );
  for (const place of places) {
    add({
      key: `place:${place.id}`,
      kind: 'place',
      title: `${place.name}: new intelligence`,
      detail: [
        `${plural(place.reports, 'intelligence report')} within ${placeIntelligenceRadiusMetres} m since ${since}`,
      ],
      place: { id: place.id, name: place.name, lon: place.lon, lat: place.lat },
    });
  }

  const dueBy = addDays(meeting.heldOn, agendaHorizonDays);
  const actionRows = await listDisruption(
    tx,
    { districtCode: meeting.districtCode, forAgenda: true, dueBy, limit: 50 },
    'all',
  );
  const { actions } = await presentDisruption(tx, access, actionRows);
  for (const action of actions) {
    const detail: string[] = [];
    if (action.status === 'proposed') detail.push(`For agreement: proposed on ${readableDate(action.proposedOn)}`);
    if (action.status === 'agreed')
      detail.push(
        `Agreed on ${action.agreedOn ? readableDate(action.agreedOn) : 'a date not recorded'}, not yet in force`,
      );
    if (action.reviewOn && action.reviewOn <= dueBy && action.status !== 'proposed' && action.status !== 'agreed') {
      detail.push(`Review due ${readableDate(action.reviewOn)}`);
    }
    if (action.expiresOn && action.expiresOn <= dueBy) detail.push(`Expires ${readableDate(action.expiresOn)}`);
    detail.push(`Held by ${action.holderAgency.name}; owner ${action.owner.displayName}`);
    add({
      key: `action:${action.id}`,
      kind: 'action',
      title: `${action.tactic.name}: ${action.target.label}`,
      detail,
      action,
    });
  }

  const today = londonDate();
  const childIds: string[] = [];
  const notes: string[] = [];
  const children = await childrenOfConcern(tx, meeting.districtCode, since, meeting.heldOn, childrenOnAgenda);
  const childrenInAll = children[0]?.total ?? 0;
  if (childrenInAll > children.length) {
    notes.push(
      `Children of concern: the ${children.length} at highest risk or most often missing of ${childrenInAll} in ${meeting.districtName} (children under 18 on the meeting day); the rest are in Search by district and flag.`,
    );
  }
  for (const child of children) {
    const record = await getPerson(tx, child.id, 'all');
    const view = record ? access.view(record.kind) : 'hidden';
    if (!record || view === 'hidden') continue;
    const person = toPersonDto(record, view, today);
    childIds.push(record.id);
    const ageBand = person.view === 'pseudonymised' ? [`age ${person.ageBand}`] : [];
    add({
      key: `child:${record.id}`,
      kind: 'child',
      title: childTitle(person),
      detail: [child.reason, ...ageBand],
      person,
    });
  }

  // Contextual Safeguarding (issue 15): location and peer-group assessments due on the day.
  for (const item of await dueAssessmentAgendaItems(tx, [meeting.districtCode], meeting.heldOn)) add(item);

  const log = await actionLogAt(tx, nsdLogOf(meeting), meeting.heldOn, previous?.heldOn ?? null);
  const open = log.filter((item) => item.status !== 'closed').length;
  add({
    key: 'action-log',
    kind: 'action-log',
    title: 'Action log',
    detail: [
      `${plural(open, 'open item')}, ${plural(log.length - open, 'closed since the last meeting', 'closed since the last meeting')}`,
    ],
  });
  add({ key: 'other', kind: 'other', title: 'Any other business', detail: [] });
  // Minutes of items that the records no longer put on the agenda stay with the meeting.
  for (const minute of minutes.values()) {
    if (!items.some((item) => item.key === minute.itemKey)) {
      add({ key: minute.itemKey, kind: 'other', title: minute.itemTitle, detail: ['No longer on the built agenda'] });
    }
  }
  return {
    agenda: {
      meeting: toMeeting(meeting),
      previousMeeting: previous,
      since,
      items,
      notes: [...hotspots.notes, ...notes],
    },
    childIds,
  };
}

export function toActionItem(row: ActionItemRow, meetingId: string | null, today: string): NsdActionItem {
  return {
    id: row.id,
    raisedAt: { meetingId: row.raisedAtMeetingId, heldOn: row.raisedOn },
    description: row.description,
    owner: row.owner,
    agency: row.agency,
    dueOn: row.dueOn,
    status: row.status,
    closedOn: row.closedOn,
    updateNote: row.updateNote,
    disruptionActionId: row.disruptionActionId,
    carried: meetingId !== null && row.raisedAtMeetingId !== meetingId,
    overdue: row.status !== 'closed' && row.dueOn < today,
    version: row.version,
  };
}

/** A district's NSD action log. */
export const nsdLogOf = (meeting: Pick<MeetingRow, 'districtCode'>): ActionLogOwner => ({
  kind: 'nsd',
  districtCode: meeting.districtCode,
});

/** The action log as it stands at a meeting of either kind, given the owner's previous meeting. */
export async function actionLogAtMeeting(
  tx: Transaction,
  owner: ActionLogOwner,
  meeting: { id: string; heldOn: string },
  previousHeldOn: string | null,
) {
  const today = londonDate();
  return (await actionLogAt(tx, owner, meeting.heldOn, previousHeldOn)).map((row) =>
    toActionItem(row, meeting.id, today),
  );
}

export async function actionLogOf(tx: Transaction, meeting: MeetingRow) {
  const previous = await previousMeeting(tx, meeting);
  return actionLogAtMeeting(tx, nsdLogOf(meeting), meeting, previous?.heldOn ?? null);
}
