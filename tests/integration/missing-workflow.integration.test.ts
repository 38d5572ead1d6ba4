import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshPerson } from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import { createEpisode } from '../support/missing-factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';
const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

let db: Database;
let coordinator: Principal;
let admin: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
  admin = await createUser(db, { roles: ['admin'] });
});
afterAll(() => db.close());

async function auditOf(userId: string) {
  return db.prisma.auditEvent.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { action: true, procedure: true, recordIds: true },
  });
}

async function recordedEpisode(reportedHoursAgo: number) {
  const child = await createFreshPerson(db, { districtCode: mansfield });
  const episode = await callerFor(db, coordinator).missing.recordEpisode({
    personId: child.id,
    careStatus: 'county_care',
    policeRisk: 'medium',
    reportedAt: hoursAgo(reportedHoursAgo),
  });
  return { child, episode };
}

describe('an episode from report to close', () => {
  it('records the report, a re-grading, the return and the close, each audited with the child', async () => {
    const api = callerFor(db, coordinator);
    const { child, episode } = await recordedEpisode(20);
    expect(episode).toMatchObject({ returnedAt: null, policeRisk: 'medium', districtCode: mansfield, version: 1 });
    expect(episode.episodeRef).toMatch(/^MIS-\d{4}-[0-9A-F]{8}$/);

    const regraded = await api.missing.regradeRisk({
      id: episode.id,
      version: 1,
      toRisk: 'high',
      gradedAt: hoursAgo(15),
      reason: 'seen with older males',
    });
    const returned = await api.missing.recordReturn({
      id: episode.id,
      version: regraded.version,
      returnedAt: hoursAgo(10),
      found: { lon: -1.195, lat: 53.142 },
      foundLocationType: 'associate_address',
      foundBy: 'Police',
      notes: null,
      rhiService: 'childrens_social_care',
    });
    const closed = await api.missing.closeEpisode({ id: episode.id, version: returned.version, closedAt: hoursAgo(9) });
    expect(closed).toMatchObject({
      policeRisk: 'high',
      foundLocationType: 'associate_address',
      foundBy: 'Police',
      rhiService: 'childrens_social_care',
    });
    expect(closed.closedAt).not.toBeNull();

    const detail = await api.missing.getEpisode({ id: episode.id });
    expect(detail.gradings).toEqual([
      {
        fromRisk: 'medium',
        toRisk: 'high',
        gradedAt: expect.any(String),
        gradedBy: coordinator.displayName,
        reason: 'seen with older males',
      },
    ]);
    expect(detail.found?.lon).toBeCloseTo(-1.195, 6);
    const audited = await auditOf(coordinator.id);
    expect(audited.slice(-5).map((event) => [event.action, event.procedure])).toEqual([
      ['create', 'missing.recordEpisode'],
      ['update', 'missing.regradeRisk'],
      ['update', 'missing.recordReturn'],
      ['update', 'missing.closeEpisode'],
      ['read', 'missing.getEpisode'],
    ]);
    expect(audited.at(-1)?.recordIds).toEqual([episode.id, child.id]);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const api = callerFor(db, coordinator);
    const { episode } = await recordedEpisode(5);
    await api.missing.regradeRisk({ id: episode.id, version: 1, toRisk: 'low', gradedAt: hoursAgo(4), reason: 'seen' });
    const refused = await rejection(
      api.missing.regradeRisk({ id: episode.id, version: 1, toRisk: 'high', gradedAt: hoursAgo(3), reason: 'late' }),
    );
    expect(refused).toEqual({
      code: 'CONFLICT',
      message: `version: missing episode ${episode.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    expect((await api.missing.getEpisode({ id: episode.id })).gradings).toHaveLength(1);
  });

  it('refuses a return before the report, naming the field', async () => {
    const { episode } = await recordedEpisode(5);
    const refused = await rejection(
      callerFor(db, coordinator).missing.recordReturn({
        id: episode.id,
        version: 1,
        returnedAt: hoursAgo(6),
        found: null,
        foundLocationType: 'unknown',
        foundBy: 'Placement staff',
        notes: null,
        rhiService: null,
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^returnedAt: .* is before the episode was reported/);
  });

  it('keeps a coordinator to the children of their districts', async () => {
    const child = await createFreshPerson(db, { districtCode: gedling });
    const outside = await createEpisode(db, { personId: child.id, districtCode: gedling, reportedAt: new Date() });
    expect(await rejection(callerFor(db, coordinator).missing.getEpisode({ id: outside.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No missing episode ${outside.id} in your districts`,
    });
  });
});

describe('Return Home Interviews', () => {
  async function returnedEpisode(returnedHoursAgo: number) {
    const { child, episode } = await recordedEpisode(returnedHoursAgo + 5);
    const returned = await callerFor(db, coordinator).missing.recordReturn({
      id: episode.id,
      version: 1,
      returnedAt: hoursAgo(returnedHoursAgo),
      found: null,
      foundLocationType: 'friend_or_relative',
      foundBy: 'Police',
      notes: null,
      rhiService: 'family_service',
    });
    return { child, episode: returned };
  }

  const dueIds = (
    output: {
      services: Array<{
        service: string;
        dueSoon: Array<{ episodeId: string }>;
        overdue: Array<{ episodeId: string }>;
      }>;
    },
    state: 'dueSoon' | 'overdue',
  ) => output.services.flatMap((service) => service[state].map((item) => item.episodeId));

  it('lists an interview as due within 24 hours, then overdue, then gone once completed', async () => {
    const api = callerFor(db, coordinator);
    const dueSoon = await returnedEpisode(50);
    const overdue = await returnedEpisode(80);
    const notYet = await returnedEpisode(10);
    const list = await api.missing.interviewsDue({});
    expect(dueIds(list, 'dueSoon')).toContain(dueSoon.episode.id);
    expect(dueIds(list, 'overdue')).toContain(overdue.episode.id);
    expect([...dueIds(list, 'dueSoon'), ...dueIds(list, 'overdue')]).not.toContain(notYet.episode.id);
    const family = list.services.find((service) => service.service === 'family_service');
    expect(family?.dueSoon.find((item) => item.episodeId === dueSoon.episode.id)?.dueAt).toBe(
      new Date(Date.parse(dueSoon.episode.returnedAt ?? '') + 72 * HOUR).toISOString(),
    );

    await api.missing.recordInterview({ episodeId: dueSoon.episode.id, completedAt: hoursAgo(1) });
    const after = await api.missing.interviewsDue({});
    expect(dueIds(after, 'dueSoon')).not.toContain(dueSoon.episode.id);
  });

  it('keeps the episode’s summary columns in step and raises the flags the child disclosed', async () => {
    const api = callerFor(db, coordinator);
    const { child, episode } = await returnedEpisode(30);
    const offered = await api.missing.recordInterview({ episodeId: episode.id, offeredAt: hoursAgo(20) });
    expect(offered.interview).toMatchObject({ service: 'family_service', completedAt: null, version: 1 });
    const completedAt = hoursAgo(2);
    const completed = await api.missing.recordInterview({
      episodeId: episode.id,
      version: 1,
      acceptedAt: hoursAgo(3),
      completedAt,
      disclosed: { sexualExploitation: false, criminalExploitation: true, adultsPosingRisk: true, offending: false },
      pullFactors: ['money for running drugs'],
    });
    expect(completed.raisedFlags).toEqual(['cce']);
    const row = await db.prisma.missingEpisode.findUniqueOrThrow({
      where: { id: episode.id },
      select: { rhiService: true, rhiCompletedAt: true },
    });
    expect(row).toEqual({ rhiService: 'family_service', rhiCompletedAt: new Date(completedAt) });
    const person = await db.prisma.person.findUniqueOrThrow({
      where: { id: child.id },
      select: { cseRisk: true, cceRisk: true, cceFlaggedAt: true },
    });
    expect(person).toMatchObject({ cseRisk: 'none', cceRisk: 'medium' });
    expect(person.cceFlaggedAt).not.toBeNull();
  });

  it('keeps an interview’s service: a return changed to need no interview is refused, naming the field', async () => {
    const api = callerFor(db, coordinator);
    const { episode } = await returnedEpisode(30);
    await api.missing.recordInterview({ episodeId: episode.id, completedAt: hoursAgo(2) });
    const current = await api.missing.getEpisode({ id: episode.id });
    const refused = await rejection(
      api.missing.recordReturn({
        id: episode.id,
        version: current.version,
        returnedAt: hoursAgo(30),
        found: null,
        foundLocationType: 'friend_or_relative',
        foundBy: 'Police',
        notes: null,
        rhiService: null,
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(
      /^rhiService: episode .* already has a Return Home Interview recorded \(family_service\)/,
    );
  });

  it('refuses a second first-record of an interview with CONFLICT', async () => {
    const api = callerFor(db, coordinator);
    const { episode } = await returnedEpisode(30);
    await api.missing.recordInterview({ episodeId: episode.id, offeredAt: hoursAgo(20) });
    const refused = await rejection(api.missing.recordInterview({ episodeId: episode.id, offeredAt: hoursAgo(19) }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^version: episode .* already has an interview \(version 1\)/);
  });
});

describe('multi-agency meetings and their thresholds', () => {
  it('lists an episode missing 72 hours or more until a meeting is recorded, and uses the admin’s threshold', async () => {
    const api = callerFor(db, coordinator);
    const { episode } = await recordedEpisode(80);
    const needed = async () => (await api.missing.meetingsNeeded({})).meetings.map((meeting) => meeting.episodeId);
    expect(await needed()).toContain(episode.id);

    const settings = await callerFor(db, admin).missing.getThresholds();
    expect(settings).toMatchObject({ mamDurationHours: 72, mamRepeatCount: 3, mamWindowDays: 90 });
    await callerFor(db, admin).missing.setThresholds({
      mamDurationHours: 96,
      mamRepeatCount: 3,
      mamWindowDays: 90,
      version: settings.version,
    });
    expect(await needed()).not.toContain(episode.id);
    const stale = await rejection(
      callerFor(db, admin).missing.setThresholds({
        mamDurationHours: 72,
        mamRepeatCount: 3,
        mamWindowDays: 90,
        version: settings.version,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    await callerFor(db, admin).missing.setThresholds({
      mamDurationHours: 72,
      mamRepeatCount: 3,
      mamWindowDays: 90,
      version: settings.version + 1,
    });
    expect(await needed()).toContain(episode.id);

    const current = await api.missing.getEpisode({ id: episode.id });
    const meeting = await api.missing.recordMeeting({
      episodeId: episode.id,
      trigger: 'duration',
      heldAt: hoursAgo(1),
      attendees: ['Police', 'Children’s Social Care'],
      outcome: 'Safety plan agreed',
    });
    expect(meeting.episodeId).toBe(episode.id);
    expect(await needed()).not.toContain(episode.id);
    const after = await api.missing.getEpisode({ id: episode.id });
    expect(after.mamHeldAt).toBe(meeting.heldAt);
    expect(after.version).toBe(current.version + 1);
  });

  it('requires a meeting for the third episode within the window', async () => {
    const api = callerFor(db, coordinator);
    const child = await createFreshPerson(db, { districtCode: mansfield });
    const at = (days: number) => new Date(Date.now() - days * 24 * HOUR);
    for (const days of [60, 30]) {
      await createEpisode(db, {
        personId: child.id,
        districtCode: mansfield,
        reportedAt: at(days),
        returnedAt: at(days - 0.1),
      });
    }
    const third = await createEpisode(db, {
      personId: child.id,
      districtCode: mansfield,
      reportedAt: at(1),
      returnedAt: at(0.9),
    });
    const meetings = (await api.missing.meetingsNeeded({})).meetings.filter((meeting) => meeting.child.id === child.id);
    expect(meetings.map((meeting) => [meeting.episodeId, meeting.byRepeat, meeting.episodesInWindow])).toEqual([
      [third.id, true, 3],
    ]);
  });
});
