import { type Access, auditEvent, requirePrincipal } from '@lantern/app';
import {
  type ActionItemRow,
  actionLogAt,
  appendAudit,
  childrenOfConcern,
  disruptionInForceOnPlaces,
  getActionItem,
  getDisruption,
  getMeeting,
  getPerson,
  insertActionItem,
  insertMeeting,
  listDisruption,
  listMeetings,
  listMinutes,
  type MeetingRow,
  meetingOn,
  type PrismaTx,
  placesWithNewIntelligence,
  previousMeeting,
  updateActionItem,
  writeMinute,
} from '@lantern/db';
import {
  type AddActionInput,
  type AgendaItem,
  AppError,
  addDays,
  type CreateMeetingInput,
  emergingInput,
  type HotspotSource,
  type ListMeetingsInput,
  londonDate,
  monthStart,
  type NsdActionItem,
  type NsdAgenda,
  type NsdMeeting,
  type NsdPack,
  type Person,
  type RecordMinutesInput,
  toPersonDto,
  type UpdateActionInput,
} from '@lantern/domain';
import { fromBritishNationalGrid } from '@lantern/geo';
import type { Context } from '../context.ts';
import { presentDisruption } from './disruption-service.ts';
import { emergingService } from './hotspots-service.ts';

/**
 * Neighbourhood Safeguarding and Disruption meetings. The agenda is built from the records for the
 * meeting's date each time it is asked for (new intelligence since the previous meeting, actions
 * for agreement, review or expiry, children of concern), and the minutes are kept per item key.
 */
const notFound = (id: string) => new AppError('NOT_FOUND', `No NSD meeting ${id} in your districts`);

/** Intelligence within this distance of a place of concern counts as intelligence about it. */
export const placeIntelligenceRadiusMetres = 250;
/** Actions whose review or expiry falls before the next monthly meeting (with a week's grace). */
const agendaHorizonDays = 35;
/** With no earlier meeting, "new" intelligence is that of the four weeks before. */
const firstMeetingLookbackDays = 28;

function toMeeting(row: MeetingRow): NsdMeeting {
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

async function meetingOrNotFound(tx: PrismaTx, access: Access, id: string) {
  const row = await getMeeting(tx, id, access.scope);
  if (!row) throw notFound(id);
  return row;
}

export async function listMeetingsService(ctx: Context, access: Access, input: ListMeetingsInput) {
  const rows = await listMeetings(ctx.db.prisma, input, access.scope);
  return { meetings: rows.map((row) => ({ ...toMeeting(row), minutes: row.minutes, openActions: row.openActions })) };
}

export async function createMeetingService(ctx: Context, access: Access, input: CreateMeetingInput) {
  const principal = requirePrincipal(access);
  if (access.scope !== 'all' && !access.scope.includes(input.districtCode)) {
    throw new AppError('FORBIDDEN', `districtCode: ${input.districtCode} is outside your districts`);
  }
  return ctx.db.prisma.$transaction(async (tx) => {
    if (await meetingOn(tx, input.districtCode, input.heldOn)) {
      throw new AppError('CONFLICT', `heldOn: ${input.districtCode} already has an NSD meeting on ${input.heldOn}`);
    }
    const id = await insertMeeting(tx, {
      districtCode: input.districtCode,
      heldOn: input.heldOn,
      chair: input.chair ?? null,
      attendees: input.attendees,
      agencies: input.agencies,
      createdById: principal.id,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'nsd_meeting', ids: [id] }));
    const row = await getMeeting(tx, id, 'all');
    if (!row) throw notFound(id);
    return toMeeting(row);
  });
}

interface AgendaHotspots {
  items: Array<Omit<AgendaItem, 'minute' | 'place' | 'action' | 'person'>>;
  notes: string[];
}

/** Months of history the hotspot trend is read over: the six whole months before the meeting. */
const hotspotMonths = 6;
/** At most this many hotspots of each source on an agenda (the strongest trends). */
const hotspotsPerSource = 5;
const hotspotSourceLabels: Partial<Record<HotspotSource, string>> = {
  'police-uk': 'police.uk crime',
  intelligence: 'intelligence reports',
};

/**
 * New or intensifying hot spots (emerging hot-spot analysis, packages/geo) of police.uk crime and
 * intelligence in the district over the six whole months before the meeting. Run outside the
 * agenda's transaction: the analysis reads through the shared client, and PGlite has one
 * connection.
 */
async function agendaHotspots(ctx: Context, access: Access, meeting: MeetingRow): Promise<AgendaHotspots> {
  const from = monthStart(meeting.heldOn, -hotspotMonths);
  const to = addDays(monthStart(meeting.heldOn), -1);
  const items: AgendaHotspots['items'] = [];
  const notes: string[] = [];
  for (const source of ['police-uk', 'intelligence'] as const) {
    const label = hotspotSourceLabels[source] ?? source;
    const input = emergingInput.parse({ source, districtCodes: [meeting.districtCode], from, to });
    let result: Awaited<ReturnType<typeof emergingService>>;
    try {
      result = await emergingService(ctx, access, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`Hotspots of ${label} could not be worked out: ${error.message}`);
      continue;
    }
    const rising = result.cells
      .filter((cell) => cell.kind === 'hot' && (cell.pattern === 'new' || cell.pattern === 'intensifying'))
      .sort((left, right) => right.trendZ - left.trendZ)
      .slice(0, hotspotsPerSource);
    if (rising.length === 0) notes.push(`No new or intensifying hotspots of ${label} from ${from} to ${to}.`);
    for (const cell of rising) {
      const [lon, lat] = fromBritishNationalGrid([cell.x, cell.y]);
      const pattern = cell.pattern === 'new' ? 'New' : 'Intensifying';
      items.push({
        key: `hotspot:${source}-${cell.id}`,
        kind: 'hotspot',
        title: `${pattern} hotspot of ${label} (${result.cell} m cell ${cell.id})`,
        detail: [
          `Emerging hot-spot analysis of ${from} to ${to}: ${cell.hotSlices} of ${result.months.length} months significantly hot; trend z ${cell.trendZ.toFixed(1)}`,
        ],
        point: { lon, lat },
      });
    }
  }
  return { items, notes };
}

function childTitle(person: Person): string {
  return person.view === 'full'
    ? `${person.givenName} ${person.familyName}`
    : `${person.initials} (${person.pseudonymRef})`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The agenda of a meeting, with the ids of the children it shows (for the audit). */
async function buildAgenda(
  tx: PrismaTx,
  access: Access,
  meeting: MeetingRow,
  hotspots: AgendaHotspots,
): Promise<{ agenda: NsdAgenda; childIds: string[] }> {
  const previous = await previousMeeting(tx, meeting);
  const since = previous?.heldOn ?? addDays(meeting.heldOn, -firstMeetingLookbackDays);
  const minutes = new Map((await listMinutes(tx, meeting.id)).map((minute) => [minute.itemKey, minute]));
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
    if (action.status === 'proposed') detail.push(`For agreement: proposed on ${action.proposedOn}`);
    if (action.status === 'agreed') detail.push(`Agreed on ${action.agreedOn}, not yet in force`);
    if (action.reviewOn && action.reviewOn <= dueBy && action.status !== 'proposed' && action.status !== 'agreed') {
      detail.push(`Review due ${action.reviewOn}`);
    }
    if (action.expiresOn && action.expiresOn <= dueBy) detail.push(`Expires ${action.expiresOn}`);
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
  for (const child of await childrenOfConcern(tx, meeting.districtCode, since, meeting.heldOn)) {
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

  const log = await actionLogAt(tx, meeting, previous?.heldOn ?? null);
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
      notes: hotspots.notes,
    },
    childIds,
  };
}

export async function agendaService(ctx: Context, access: Access, meetingId: string) {
  const hotspots = await agendaHotspots(ctx, access, await meetingOrNotFound(ctx.db.prisma, access, meetingId));
  return ctx.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, meetingId);
    const { agenda, childIds } = await buildAgenda(tx, access, meeting, hotspots);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: 'nsd_meeting', ids: [meetingId, ...childIds] },
        { details: { children: childIds.length } },
      ),
    );
    return agenda;
  });
}

export async function recordMinutesService(ctx: Context, access: Access, input: RecordMinutesInput) {
  const principal = requirePrincipal(access);
  return ctx.db.prisma.$transaction(async (tx) => {
    await meetingOrNotFound(tx, access, input.meetingId);
    const outcome = await writeMinute(tx, { ...input, version: input.version, userId: principal.id });
    if (outcome.status === 'conflict') {
      throw new AppError(
        'CONFLICT',
        outcome.currentVersion === null
          ? `version: item ${input.itemKey} has no minute yet; write it without a version`
          : `version: item ${input.itemKey} was minuted by someone else (it is now version ${outcome.currentVersion}); reload it and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        input.version === undefined ? 'create' : 'update',
        { type: 'nsd_meeting', ids: [input.meetingId] },
        {
          details: { minute: input.itemKey },
        },
      ),
    );
    const { minute } = outcome;
    return {
      itemKey: minute.itemKey,
      itemTitle: minute.itemTitle,
      text: minute.text,
      recordedBy: minute.recordedBy,
      version: minute.version,
    };
  });
}

function toActionItem(row: ActionItemRow, meetingId: string | null, today: string): NsdActionItem {
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

async function actionLogOf(tx: PrismaTx, meeting: MeetingRow) {
  const previous = await previousMeeting(tx, meeting);
  const today = londonDate();
  return (await actionLogAt(tx, meeting, previous?.heldOn ?? null)).map((row) => toActionItem(row, meeting.id, today));
}

export async function actionLogService(ctx: Context, access: Access, meetingId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, meetingId);
    return { meeting: toMeeting(meeting), items: await actionLogOf(tx, meeting) };
  });
}

export async function addActionService(ctx: Context, access: Access, input: AddActionInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, input.meetingId);
    if (input.disruptionActionId !== undefined) {
      const action = await getDisruption(tx, input.disruptionActionId, access.scope);
      if (!action || action.districtCode !== meeting.districtCode) {
        throw new AppError(
          'BAD_INPUT',
          `disruptionActionId: no disruption action ${input.disruptionActionId} in ${meeting.districtName}`,
        );
      }
    }
    const id = await insertActionItem(tx, {
      districtCode: meeting.districtCode,
      meetingId: meeting.id,
      description: input.description,
      owner: input.owner,
      agency: input.agency,
      dueOn: input.dueOn,
      disruptionActionId: input.disruptionActionId ?? null,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'nsd_action_item', ids: [id] }));
    const row = await getActionItem(tx, id, 'all');
    if (!row) throw new Error('an action log item vanished after insert');
    return toActionItem(row, meeting.id, londonDate());
  });
}

export async function updateActionService(ctx: Context, access: Access, input: UpdateActionInput) {
  const today = londonDate();
  return ctx.db.prisma.$transaction(async (tx) => {
    const current = await getActionItem(tx, input.id, access.scope);
    if (!current) throw new AppError('NOT_FOUND', `No action log item ${input.id} in your districts`);
    if (!(await updateActionItem(tx, input.id, input.version, input.changes, today))) {
      throw new AppError(
        'CONFLICT',
        `version: action log item ${input.id} was changed by someone else since you read version ${input.version} (it is now version ${current.version}); reload it and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'nsd_action_item', ids: [input.id] },
        { details: { fields: Object.keys(input.changes).sort() } },
      ),
    );
    const row = await getActionItem(tx, input.id, 'all');
    if (!row) throw new Error('an action log item vanished after update');
    return toActionItem(row, null, today);
  });
}

export async function packService(ctx: Context, access: Access, meetingId: string): Promise<NsdPack> {
  const hotspots = await agendaHotspots(ctx, access, await meetingOrNotFound(ctx.db.prisma, access, meetingId));
  return ctx.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, meetingId);
    const { agenda, childIds } = await buildAgenda(tx, access, meeting, hotspots);
    const actionLog = await actionLogOf(tx, meeting);
    // In force on the day the pack is prepared, or on the day of a meeting already held.
    const today = londonDate();
    const asOf = [meeting.heldOn, today].sort()[0] ?? today;
    const tacticsInForce = await disruptionInForceOnPlaces(tx, { districtCode: meeting.districtCode }, 'all', asOf);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'export',
        { type: 'nsd_meeting', ids: [meetingId, ...childIds] },
        { details: { children: childIds.length } },
      ),
    );
    return {
      meeting: toMeeting(meeting),
      childrenShownAs: access.view('child') === 'full' ? 'full' : 'pseudonymised',
      generatedAt: new Date().toISOString(),
      agenda,
      actionLog,
      tacticsInForce,
    };
  });
}
