import { randomUUID } from 'node:crypto';
import type { Database, Principal } from '@lantern/db';
import { addDays, ageBand, londonDate, monthStart, readableDate } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createFreshAction, createFreshMeeting } from '../support/disruption-world.ts';
import { createIntelligenceRecord, createPlaceRecord, flagChild } from '../support/domain-factories.ts';
import { createAgency, createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** Each test works in a district of its own, so agendas never see another test's records. */
const ashfield = 'E07000170';
const bassetlaw = 'E07000171';
const broxtowe = 'E07000172';
const gedling = 'E07000173';
const newark = 'E07000175';
const rushcliffe = 'E07000176';

let db: Database;
let analyst: Principal;
let agencyId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  agencyId = (await createAgency(db, 'district_council')).id;
});
afterAll(() => db.close());

const officerOf = (district: string) => createUser(db, { roles: ['district_officer'], districtCodes: [district] });
const attendeeOf = (district: string) => createUser(db, { roles: ['nsd_attendee'], districtCodes: [district] });

describe('nsd.createMeeting', () => {
  it('arranges one meeting per district and day, in the caller’s districts only', async () => {
    const officer = await officerOf(ashfield);
    const meeting = await callerFor(db, officer).nsd.createMeeting({
      districtCode: ashfield,
      heldOn: '2031-03-04',
      chair: 'DI Hale',
      attendees: ['DI Hale', 'Community safety officer'],
      agencies: ['Nottinghamshire Police', 'Ashfield District Council'],
    });
    expect(meeting).toMatchObject({ district: { code: ashfield, name: 'Ashfield' }, heldOn: '2031-03-04', version: 1 });
    expect(
      await rejection(callerFor(db, officer).nsd.createMeeting({ districtCode: ashfield, heldOn: '2031-03-04' })),
    ).toEqual({ code: 'CONFLICT', message: `heldOn: ${ashfield} already has an NSD meeting on 2031-03-04` });
    expect(
      await rejection(callerFor(db, officer).nsd.createMeeting({ districtCode: bassetlaw, heldOn: '2031-03-04' })),
    ).toEqual({ code: 'FORBIDDEN', message: `districtCode: ${bassetlaw} is outside your districts` });
    const listed = await callerFor(db, await attendeeOf(ashfield)).nsd.listMeetings({});
    expect(listed.meetings.map((row) => row.id)).toContain(meeting.id);
    expect(listed.meetings.every((row) => row.district.code === ashfield)).toBe(true);
  });
});

describe('nsd.agenda', () => {
  // Regression (issue 18): the agenda listed 25 "children" of whom 13 were 18 to 24, and did not
  // say that it stopped at 25.
  it('lists only children under 18 on the meeting day, and says how many of how many it shows', async () => {
    const heldOn = addDays(londonDate(), 14);
    const meeting = await createFreshMeeting(db, gedling, heldOn);
    const under18 = addDays(heldOn, -(17 * 365));
    const children: string[] = [];
    for (let index = 0; index < 27; index += 1) {
      const child = await createPersonRecord(db, { homeDistrictCode: gedling, dateOfBirth: under18 });
      await flagChild(db, child.id, 'cse');
      children.push(child.id);
    }
    // Nineteen on the meeting day and at high risk: highest on the old list, now not a child.
    const adult = await createPersonRecord(db, {
      homeDistrictCode: gedling,
      dateOfBirth: addDays(heldOn, -(19 * 366)),
    });
    await flagChild(db, adult.id, 'cce');

    const agenda = await callerFor(db, analyst).nsd.agenda({ meetingId: meeting });

    const listed = agenda.items.filter((item) => item.kind === 'child').map((item) => item.key.slice('child:'.length));
    expect(listed).toHaveLength(25);
    expect(listed).not.toContain(adult.id);
    expect(listed.every((id) => children.includes(id))).toBe(true);
    expect(agenda.notes).toContain(
      'Children of concern: the 25 at highest risk or most often missing of 27 in Gedling (children under 18 on the meeting day); the rest are in Search by district and flag.',
    );
  });

  it('builds the agenda: places with new intelligence, actions to agree or review, children pseudonymised for attendees', async () => {
    const today = londonDate();
    const previous = await createFreshMeeting(db, broxtowe, addDays(today, -30));
    const meeting = await createFreshMeeting(db, broxtowe, addDays(today, 1));
    const takeaway = await createPlaceRecord(db, { districtCode: 'E07000172', name: 'Beeston Kebab House' });
    await createIntelligenceRecord(db, { districtCode: 'E07000172', submittedAt: addDays(today, -10) });
    await createIntelligenceRecord(db, { districtCode: 'E07000172', submittedAt: addDays(today, -5) });
    // Before the previous meeting: not new.
    await createIntelligenceRecord(db, { districtCode: 'E07000172', submittedAt: addDays(today, -40) });
    const proposed = await createFreshAction(db, {
      districtCode: broxtowe,
      tactic: 'closure_notice',
      target: { type: 'place', placeId: takeaway.id },
      holderAgencyId: agencyId,
      ownerId: analyst.id,
    });
    const reviewDue = await createFreshAction(db, {
      districtCode: broxtowe,
      target: { type: 'place' },
      holderAgencyId: agencyId,
      ownerId: analyst.id,
      status: 'in_force',
      inForceFrom: addDays(today, -20),
      reviewOn: addDays(today, 7),
    });
    const notDue = await createFreshAction(db, {
      districtCode: broxtowe,
      target: { type: 'place' },
      holderAgencyId: agencyId,
      ownerId: analyst.id,
      status: 'in_force',
      inForceFrom: addDays(today, -20),
      reviewOn: addDays(today, 90),
    });
    const child = await createPersonRecord(db, {
      givenName: 'Philippa',
      familyName: `Agendatest${randomUUID().slice(0, 6)}`,
      homeDistrictCode: broxtowe,
    });
    await flagChild(db, child.id, 'cce');

    const attendee = await attendeeOf(broxtowe);
    const agenda = await callerFor(db, attendee).nsd.agenda({ meetingId: meeting });
    expect(agenda.previousMeeting).toEqual({ id: previous, heldOn: addDays(today, -30) });
    expect(agenda.since).toBe(addDays(today, -30));
    const byKey = new Map(agenda.items.map((item) => [item.key, item]));
    expect(byKey.get(`place:${takeaway.id}`)).toMatchObject({
      kind: 'place',
      title: 'Beeston Kebab House: new intelligence',
      detail: [`2 intelligence reports within 250 m since ${addDays(today, -30)}`],
    });
    expect(byKey.get(`action:${proposed}`)?.detail[0]).toBe('For agreement: proposed on 2 Jan 2025');
    expect(byKey.get(`action:${reviewDue}`)?.detail[0]).toBe(`Review due ${readableDate(addDays(today, 7))}`);
    expect(byKey.has(`action:${notDue}`)).toBe(false);
    const childItem = byKey.get(`child:${child.id}`);
    expect(childItem).toMatchObject({
      kind: 'child',
      title: `P${child.familyName[0]} (${child.pseudonymRef})`,
      detail: ['CCE risk high', `age ${ageBand('2010-06-15', londonDate())}`],
      person: { view: 'pseudonymised', id: child.id },
    });
    const json = JSON.stringify(agenda);
    expect(json).not.toContain('Philippa');
    expect(json).not.toContain(child.familyName);
    expect(agenda.items.slice(-2).map((item) => item.key)).toEqual(['action-log', 'other']);

    const asAnalyst = await callerFor(db, analyst).nsd.agenda({ meetingId: meeting });
    expect(asAnalyst.items.find((item) => item.key === `child:${child.id}`)?.title).toBe(
      `Philippa ${child.familyName}`,
    );
    const audit = await db.prisma.auditEvent.findMany({
      where: { userId: attendee.id, procedure: 'nsd.agenda' },
      select: { action: true, recordIds: true },
    });
    expect(audit).toEqual([{ action: 'read', recordIds: [meeting, child.id] }]);
  });

  it('is refused outside the caller’s districts', async () => {
    const meeting = await createFreshMeeting(db, newark);
    expect(await rejection(callerFor(db, await attendeeOf(broxtowe)).nsd.agenda({ meetingId: meeting }))).toEqual({
      code: 'NOT_FOUND',
      message: `No NSD meeting ${meeting} in your districts`,
    });
  });
});

describe('the agenda’s hotspots', () => {
  it('lists a new hotspot of intelligence from the complete months before the meeting', async () => {
    // A meeting arranged three months ahead: the months between now and then are not over, so the
    // analysis ends with the last complete month, whose twelve reports at one spot make it new.
    const today = londonDate();
    const lastComplete = addDays(monthStart(today), -1);
    const firstMonth = monthStart(lastComplete, -5);
    const meeting = await createFreshMeeting(db, ashfield, addDays(monthStart(today, 3), 27));
    for (let day = 1; day <= 12; day++) {
      const at = `${lastComplete.slice(0, 8)}${String(day).padStart(2, '0')}T20:00:00Z`;
      await db.sql.query(
        `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category, body,
           occurred_at, submitted_at, geom, submitting_agency_id, status)
         VALUES ($1, '2', 'B', 'P', 'cce', 'Children seen running packages from the flats', $2::timestamptz, $2::timestamptz,
                 ST_SetSRID(ST_MakePoint(-1.2521, 53.0902), 4326), $3::uuid, 'developed')`,
        [`HOT-${randomUUID()}`, at, agencyId],
      );
    }
    const agenda = await callerFor(db, await attendeeOf(ashfield)).nsd.agenda({ meetingId: meeting });
    const hotspots = agenda.items.filter((item) => item.kind === 'hotspot');
    // Gi* sums over a 750 m band, so the cells around the spot light up with it (at most 5 listed).
    expect(hotspots.length).toBeGreaterThanOrEqual(1);
    expect(hotspots.length).toBeLessThanOrEqual(5);
    for (const hotspot of hotspots) {
      // Named by its ward and district (this database holds no street names), its grid cell in the detail.
      expect(hotspot.title).toMatch(/^New hotspot of intelligence reports: [A-Z][\w ,&'-]+ ward, Ashfield$/);
      expect(hotspot.detail[1]).toMatch(/^Grid cell E\d+N\d+ \(250 m\)$/);
      expect(hotspot.detail[0]).toMatch(
        new RegExp(
          `^Emerging hot-spot analysis of ${readableDate(firstMonth)} to ${readableDate(lastComplete)}: 1 of 6 months significantly hot; trend z -?\\d+\\.\\d$`,
        ),
      );
    }
    // Every listed cell lies within the band (plus half a cell) of the spot: metres from degrees at 53° N.
    for (const hotspot of hotspots) {
      const east = ((hotspot.point?.lon ?? 0) + 1.2521) * 111_320 * Math.cos((53.0902 * Math.PI) / 180);
      const north = ((hotspot.point?.lat ?? 0) - 53.0902) * 111_320;
      expect(Math.hypot(east, north)).toBeLessThan(750 + 177);
    }
    // This database holds no police.uk crime: the agenda says there is no data, not that nothing was found.
    expect(agenda.notes).toContain(
      `No police.uk crime data for the district from ${readableDate(firstMonth)} to ${readableDate(lastComplete)}: hotspots cannot be looked for.`,
    );
    expect(agenda.notes.some((note) => note.startsWith('No new or intensifying hotspots of police.uk crime'))).toBe(
      false,
    );
  });
});

describe('nsd.recordMinutes', () => {
  it('minutes an item, replaces it only with the version read, and shows it on the agenda', async () => {
    const officer = await officerOf(newark);
    const meeting = await createFreshMeeting(db, newark);
    const caller = callerFor(db, officer);
    const first = await caller.nsd.recordMinutes({
      meetingId: meeting,
      itemKey: 'other',
      itemTitle: 'Any other business',
      text: 'Taxi marshals to report cars waiting outside the school.',
    });
    expect(first).toMatchObject({ itemKey: 'other', version: 1, recordedBy: officer.displayName });
    expect(
      await rejection(
        caller.nsd.recordMinutes({ meetingId: meeting, itemKey: 'other', itemTitle: 'Any other business', text: 'x' }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message:
        'version: item other was minuted by someone else (it is now version 1); reload it and make your change again',
    });
    const second = await caller.nsd.recordMinutes({
      meetingId: meeting,
      itemKey: 'other',
      itemTitle: 'Any other business',
      text: 'Taxi marshals to report cars waiting outside the school gates after 3 pm.',
      version: 1,
    });
    expect(second.version).toBe(2);
    const agenda = await callerFor(db, await attendeeOf(newark)).nsd.agenda({ meetingId: meeting });
    expect(agenda.items.find((item) => item.key === 'other')?.minute?.text).toBe(
      'Taxi marshals to report cars waiting outside the school gates after 3 pm.',
    );
  });
});

describe('the action log', () => {
  it('carries an item from meeting to meeting until it is closed, then shows it closed once', async () => {
    const officer = await officerOf(rushcliffe);
    const caller = callerFor(db, officer);
    const today = londonDate();
    const first = await createFreshMeeting(db, rushcliffe, addDays(today, -60));
    const second = await createFreshMeeting(db, rushcliffe, addDays(today, -30));
    const item = await caller.nsd.addAction({
      meetingId: first,
      description: 'Licensing visit to the takeaway',
      owner: 'PC Ward',
      agency: 'Nottinghamshire Police',
      dueOn: addDays(today, -40),
    });
    expect(item).toMatchObject({
      status: 'open',
      carried: false,
      overdue: true,
      raisedAt: { meetingId: first, heldOn: addDays(today, -60) },
    });
    const atSecond = await caller.nsd.actionLog({ meetingId: second });
    expect(atSecond.items.map((row) => [row.id, row.carried])).toEqual([[item.id, true]]);
    const closed = await caller.nsd.updateAction({
      id: item.id,
      version: 1,
      changes: { status: 'closed', updateNote: 'Visited; staff briefed' },
    });
    expect(closed).toMatchObject({ status: 'closed', closedOn: today, overdue: false, version: 2 });
    expect(await rejection(caller.nsd.updateAction({ id: item.id, version: 1, changes: { status: 'open' } }))).toEqual({
      code: 'CONFLICT',
      message: `version: action log item ${item.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    // Closed today: the next meeting after today shows it closed; the one after that no more.
    const third = await createFreshMeeting(db, rushcliffe, addDays(today, 7));
    const fourth = await createFreshMeeting(db, rushcliffe, addDays(today, 40));
    expect((await caller.nsd.actionLog({ meetingId: third })).items.map((row) => [row.id, row.status])).toEqual([
      [item.id, 'closed'],
    ]);
    expect((await caller.nsd.actionLog({ meetingId: fourth })).items).toEqual([]);
  });
});

describe('nsd.pack', () => {
  it('gives an NSD attendee the pack with children pseudonymised and the tactics in force', async () => {
    const today = londonDate();
    const meeting = await createFreshMeeting(db, bassetlaw, today);
    const child = await createPersonRecord(db, {
      givenName: 'Octavia',
      familyName: `Packtest${randomUUID().slice(0, 6)}`,
      homeDistrictCode: bassetlaw,
    });
    await flagChild(db, child.id, 'cse');
    const inForce = await createFreshAction(db, {
      districtCode: bassetlaw,
      target: { type: 'place' },
      holderAgencyId: agencyId,
      ownerId: analyst.id,
      status: 'in_force',
      inForceFrom: addDays(today, -3),
    });
    const attendee = await attendeeOf(bassetlaw);
    const pack = await callerFor(db, attendee).nsd.pack({ meetingId: meeting });
    expect(pack.childrenShownAs).toBe('pseudonymised');
    expect(pack.tacticsInForce.map((action) => action.actionId)).toContain(inForce);
    expect(pack.agenda.items.some((item) => item.key === `child:${child.id}`)).toBe(true);
    const json = JSON.stringify(pack);
    expect(json).not.toContain('Octavia');
    expect(json).not.toContain(child.familyName);
    const audit = await db.prisma.auditEvent.findMany({
      where: { userId: attendee.id, procedure: 'nsd.pack' },
      select: { action: true, recordIds: true },
    });
    expect(audit).toEqual([{ action: 'export', recordIds: [meeting, child.id] }]);
  });
});
