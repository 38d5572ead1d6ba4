import type { Database, Principal } from '@lantern/db';
import { addDays, londonDate } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshIntelligence,
  createFreshLink,
  createFreshPerson,
  createFreshPlace,
  pointInside,
} from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import {
  associateWithoutAction,
  childWithTwoSignals,
  insertEpisode,
  insertLocationAssessmentRecord,
  insertPeerGroupRecord,
  setRisk,
} from '../support/contextual-fixtures.ts';
import { createFreshAction, createFreshMeeting } from '../support/disruption-world.ts';
import { createAgency, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** Each describe works in a district of its own, so lists never see another test's records. */
const ashfield = 'E07000170';
const bassetlaw = 'E07000171';
const broxtowe = 'E07000172';
const newark = 'E07000175';
const rushcliffe = 'E07000176';

let db: Database;
let analyst: Principal;
let agencyId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  agencyId = (await createAgency(db, 'police')).id;
});
afterAll(() => db.close());

const coordinatorOf = (district: string) =>
  createUser(db, { roles: ['missing_coordinator'], districtCodes: [district] });

async function auditOf(procedure: string, userId: string) {
  return db.sql.query<{ action: string; record_ids: string[] }>(
    `SELECT action::text AS action, record_ids::text[] AS record_ids FROM audit_event
     WHERE procedure = $1 AND user_id = $2::uuid ORDER BY seq`,
    [procedure, userId],
  );
}

const location = {
  timesOfConcern: 'Weekday evenings',
  guardianship: 'No staff after 18:00',
  unsafeFactors: 'Unlit path; adults gather by the benches',
  plan: 'Lighting repair and evening patrols',
  owner: 'Community safety officer',
};

describe('location assessments', () => {
  it('creates, reviews with the version read, keeps every version, and refuses a stale version with CONFLICT', async () => {
    const coordinator = await coordinatorOf(ashfield);
    const placeId = await createFreshPlace(db, ashfield);
    const api = callerFor(db, coordinator).contextual;
    const created = await api.createLocationAssessment({ placeId, ...location, reviewOn: addDays(londonDate(), 30) });
    expect(created).toMatchObject({ place: { id: placeId }, districtCode: ashfield, version: 1, lastReviewedOn: null });

    const reviewed = await api.updateLocationAssessment({
      id: created.id,
      version: 1,
      ...location,
      plan: 'Lighting repaired; patrols continue',
      reviewOn: addDays(londonDate(), 90),
      reviewed: true,
    });
    expect(reviewed).toMatchObject({
      version: 2,
      lastReviewedOn: londonDate(),
      plan: 'Lighting repaired; patrols continue',
    });
    expect(reviewed.history.map((entry) => [entry.version, entry.reviewed])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(reviewed.history[1]?.snapshot).toMatchObject({ plan: location.plan });

    expect(
      await rejection(
        api.updateLocationAssessment({ id: created.id, version: 1, ...location, reviewOn: addDays(londonDate(), 10) }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: `version: location assessment ${created.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    expect((await api.getLocationAssessment({ id: created.id })).version).toBe(2);
  });

  it('refuses a place outside the caller’s districts, naming the field', async () => {
    const coordinator = await coordinatorOf(ashfield);
    const placeId = await createFreshPlace(db, bassetlaw);
    expect(
      await rejection(
        callerFor(db, coordinator).contextual.createLocationAssessment({
          placeId,
          ...location,
          reviewOn: addDays(londonDate(), 30),
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: `placeId: no place ${placeId} in your districts` });
  });
});

describe('peer-group assessments', () => {
  it('records members and shared places, audits every member shown, and hides members from NSD attendees', async () => {
    const coordinator = await coordinatorOf(broxtowe);
    const first = await createFreshPerson(db, { districtCode: broxtowe });
    const second = await createFreshPerson(db, { districtCode: broxtowe });
    const placeId = await createFreshPlace(db, broxtowe);
    const created = await callerFor(db, coordinator).contextual.createPeerGroupAssessment({
      districtCode: broxtowe,
      name: 'Beeston park group',
      memberIds: [first.id, second.id],
      sharedPlaceIds: [placeId],
      dynamics: 'Older members bring younger ones',
      safetyPlan: 'Detached youth work',
      owner: 'Exploitation coordinator',
      reviewOn: addDays(londonDate(), 30),
    });
    expect(created.members.map((member) => member.id).sort()).toEqual([first.id, second.id].sort());
    expect(created.sharedPlaces.map((place) => place.id)).toEqual([placeId]);
    const audit = await auditOf('contextual.createPeerGroupAssessment', coordinator.id);
    expect(audit.at(-1)?.record_ids).toEqual(expect.arrayContaining([created.id, first.id, second.id]));

    const attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [broxtowe] });
    expect((await rejection(callerFor(db, attendee).contextual.getPeerGroupAssessment({ id: created.id }))).code).toBe(
      'FORBIDDEN',
    );
    // The list names the group and counts its members, never naming them.
    const listed = await callerFor(db, attendee).contextual.list({ districtCode: broxtowe, type: 'peer_group' });
    const entry = listed.assessments.find((row) => row.id === created.id);
    expect(entry).toMatchObject({ memberCount: 2 });
    expect(JSON.stringify(listed)).not.toContain(first.familyName);
  });
});

describe('assessments on the NSD agenda', () => {
  it('lists assessments whose review falls on or before the meeting day, or never reviewed, and no others', async () => {
    const heldOn = addDays(londonDate(), 14);
    const meetingId = await createFreshMeeting(db, rushcliffe, heldOn);
    const lastReviewedOn = addDays(londonDate(), -30);
    const onTheDay = await insertLocationAssessmentRecord(db, await createFreshPlace(db, rushcliffe), {
      reviewOn: heldOn,
      lastReviewedOn,
    });
    const later = await insertLocationAssessmentRecord(db, await createFreshPlace(db, rushcliffe), {
      reviewOn: addDays(heldOn, 1),
      lastReviewedOn,
    });
    const member = await createFreshPerson(db, { districtCode: rushcliffe });
    const other = await createFreshPerson(db, { districtCode: rushcliffe });
    const neverReviewed = await insertPeerGroupRecord(db, rushcliffe, [member.id, other.id], {
      reviewOn: addDays(heldOn, 60),
    });

    const agenda = await callerFor(db, analyst).nsd.agenda({ meetingId });
    const keys = agenda.items.filter((item) => item.kind === 'assessment').map((item) => item.key);
    expect(keys).toContain(`location-assessment:${onTheDay}`);
    expect(keys).toContain(`peer-assessment:${neverReviewed}`);
    expect(keys).not.toContain(`location-assessment:${later}`);
    // The agenda counts a group's members and never names them.
    const group = agenda.items.find((item) => item.key === `peer-assessment:${neverReviewed}`);
    expect(group?.title).toMatch(/\(2 members\)$/);
    expect(JSON.stringify(group)).not.toContain(member.familyName);

    const due = await callerFor(db, analyst).contextual.listDue({ districtCode: rushcliffe, asOf: heldOn });
    expect(due.assessments.map((row) => row.id)).toEqual(expect.arrayContaining([onTheDay, neverReviewed]));
    expect(due.assessments.map((row) => row.id)).not.toContain(later);
  });
});

describe('contextual.namesWithoutActions', () => {
  it('lists a person linked to a child at high risk until an action is added, naming the child', async () => {
    const coordinator = await coordinatorOf(newark);
    const { childId, associateId, linkId } = await associateWithoutAction(db, newark, agencyId);
    const api = callerFor(db, coordinator).contextual;
    const before = await api.namesWithoutActions({ districtCode: newark });
    const entry = before.entries.find((row) => row.subject.type === 'person' && row.subject.person.id === associateId);
    expect(entry?.linkedChildren.map((child) => child.id)).toEqual([childId]);
    expect(entry?.links.map((link) => link.id)).toEqual([linkId]);
    const audit = await auditOf('contextual.namesWithoutActions', coordinator.id);
    expect(audit.at(-1)).toMatchObject({ action: 'search' });
    expect(audit.at(-1)?.record_ids).toEqual(expect.arrayContaining([associateId, childId]));

    await createFreshAction(db, {
      districtCode: newark,
      target: { type: 'person', personId: associateId },
      holderAgencyId: agencyId,
      ownerId: analyst.id,
    });
    const after = await api.namesWithoutActions({ districtCode: newark });
    expect(after.entries.some((row) => row.subject.type === 'person' && row.subject.person.id === associateId)).toBe(
      false,
    );
  });

  it('lists a place linked to a child at high risk until it is assessed', async () => {
    const child = await createFreshPerson(db, { districtCode: newark });
    await setRisk(db, child.id, 'cce', 'high');
    const placeId = await createFreshPlace(db, newark);
    const report = await createFreshIntelligence(db, newark, agencyId);
    await createFreshLink(db, { type: 'person', id: child.id }, { type: 'place', id: placeId }, report);
    const api = callerFor(db, analyst).contextual;
    const listed = (await api.namesWithoutActions({ districtCode: newark })).entries;
    expect(listed.some((row) => row.subject.type === 'place' && row.subject.place.id === placeId)).toBe(true);
    await insertLocationAssessmentRecord(db, placeId);
    const after = (await api.namesWithoutActions({ districtCode: newark })).entries;
    expect(after.some((row) => row.subject.type === 'place' && row.subject.place.id === placeId)).toBe(false);
  });
});

describe('contextual.earlyIdentification', () => {
  it('lists a child not yet flagged with two signals and both records, never one with one signal or a flagged child', async () => {
    const coordinator = await coordinatorOf(bassetlaw);
    const two = await childWithTwoSignals(db, bassetlaw, agencyId);
    // One signal only: three episodes in 90 days (repeat missing).
    const one = await createFreshPerson(db, { districtCode: bassetlaw });
    for (const daysAgo of [5, 20, 40]) await insertEpisode(db, one.id, bassetlaw, daysAgo);
    // Flagged already: two signals, but not a candidate.
    const flagged = await childWithTwoSignals(db, bassetlaw, agencyId);
    await setRisk(db, flagged.childId, 'cse', 'low');
    // Found near a place of concern, and three episodes: two signals.
    const found = await createFreshPerson(db, { districtCode: bassetlaw });
    const point = await pointInside(db, bassetlaw);
    const placeId = await createFreshPlace(db, bassetlaw);
    const foundEpisode = await insertEpisode(db, found.id, bassetlaw, 3, point);
    for (const daysAgo of [30, 60]) await insertEpisode(db, found.id, bassetlaw, daysAgo);

    const list = await callerFor(db, coordinator).contextual.earlyIdentification({ districtCode: bassetlaw });
    const ids = list.entries.map((entry) => entry.person.id);
    expect(ids).toContain(two.childId);
    expect(ids).toContain(found.id);
    expect(ids).not.toContain(one.id);
    expect(ids).not.toContain(flagged.childId);

    const entry = list.entries.find((row) => row.person.id === two.childId);
    expect(entry?.signals.map((signal) => [signal.kind, signal.records.map((record) => record.id)])).toEqual([
      ['named_in_intelligence', [two.reportId]],
      ['rhi_disclosure', [two.interviewId]],
    ]);
    const foundEntry = list.entries.find((row) => row.person.id === found.id);
    const foundSignal = foundEntry?.signals.find((signal) => signal.kind === 'found_at_place_of_concern');
    expect(foundSignal?.records.map((record) => record.id)).toEqual(expect.arrayContaining([foundEpisode.id, placeId]));
    // No score and no verdict anywhere in the output.
    expect(JSON.stringify(list)).not.toMatch(/score|verdict/i);
    expect(list.representation.listed.F).toBe(list.entries.length);
    expect(list.representation.allChildren.F).toBeGreaterThanOrEqual(4);

    const audit = await auditOf('contextual.earlyIdentification', coordinator.id);
    expect(audit.at(-1)).toMatchObject({ action: 'search' });
    expect(audit.at(-1)?.record_ids).toEqual(expect.arrayContaining([two.childId, found.id]));
  });

  it('is for analysts and coordinators only', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [bassetlaw] });
    expect(
      (await rejection(callerFor(db, officer).contextual.earlyIdentification({ districtCode: bassetlaw }))).code,
    ).toBe('FORBIDDEN');
  });
});
