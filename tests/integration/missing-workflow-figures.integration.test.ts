import type { Database, Principal } from '@lantern/db';
import { lastReportingQuarters, londonDate, reportingQuarterOf } from '@lantern/domain';
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

let db: Database;
let coordinator: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

describe('missing.quarterlyFigures', () => {
  it('gives eight quarters, oldest first, ending with the current one (so far)', async () => {
    const { quarters } = await callerFor(db, coordinator).missing.quarterlyFigures({});
    expect(quarters.map((quarter) => quarter.label)).toEqual(
      lastReportingQuarters(londonDate(), 8).map((quarter) => quarter.label),
    );
    expect(quarters.map((quarter) => quarter.partial)).toEqual([false, false, false, false, false, false, false, true]);
  });

  it('counts an episode, its interview and its meeting in the quarter it was reported in', async () => {
    const api = callerFor(db, coordinator);
    const reportedAt = new Date(Date.now() - 90 * HOUR);
    const { label } = reportingQuarterOf(londonDate(reportedAt));
    const quarter = async () =>
      (await api.missing.quarterlyFigures({})).quarters.find((q) => q.label === label)?.report;
    const before = await quarter();
    const child = await createFreshPerson(db, { districtCode: mansfield });
    const episode = await api.missing.recordEpisode({
      personId: child.id,
      careStatus: 'home',
      policeRisk: 'low',
      reportedAt: reportedAt.toISOString(),
    });
    await api.missing.recordReturn({
      id: episode.id,
      version: 1,
      returnedAt: new Date(Date.now() - 10 * HOUR).toISOString(),
      found: null,
      foundLocationType: 'home_address',
      foundBy: 'Family',
      notes: null,
      rhiService: 'family_service',
    });
    await api.missing.recordInterview({
      episodeId: episode.id,
      completedAt: new Date(Date.now() - HOUR).toISOString(),
    });
    const after = await quarter();
    expect(before).toBeDefined();
    expect(after?.notifications).toBe((before?.notifications ?? 0) + 1);
    expect(after?.fromHome.episodes).toBe((before?.fromHome.episodes ?? 0) + 1);
    const service = (report: typeof after) => report?.returnInterviews.byService.family_service;
    expect(service(after)?.completed).toBe((service(before)?.completed ?? 0) + 1);
    expect(service(after)?.completedWithin72h).toBe((service(before)?.completedWithin72h ?? 0) + 1);
    // Missing 80 hours: a meeting is required, and not yet held.
    expect(after?.multiAgencyMeetings.required).toBe((before?.multiAgencyMeetings.required ?? 0) + 1);
    expect(after?.multiAgencyMeetings.held).toBe(before?.multiAgencyMeetings.held ?? 0);
  });

  it('leaves out children of other districts and refuses a district outside the caller’s', async () => {
    const api = callerFor(db, coordinator);
    const before = (await api.missing.quarterlyFigures({})).quarters.at(-1)?.report.notifications;
    const child = await createFreshPerson(db, { districtCode: gedling });
    await createEpisode(db, { personId: child.id, districtCode: gedling, reportedAt: new Date(Date.now() - HOUR) });
    expect((await api.missing.quarterlyFigures({})).quarters.at(-1)?.report.notifications).toBe(before);
    expect(await rejection(api.missing.quarterlyFigures({ districtCode: gedling }))).toEqual({
      code: 'FORBIDDEN',
      message: `districtCode: ${gedling} is outside your districts`,
    });
  });
});

describe('missing.multipleMissing', () => {
  it('ranks children by episodes in the period and shows where they were found most', async () => {
    const child = await createFreshPerson(db, { districtCode: mansfield });
    const found = { lon: -1.1955, lat: 53.1436 };
    for (const hours of [30, 20, 10]) {
      const episode = await createEpisode(db, {
        personId: child.id,
        districtCode: mansfield,
        reportedAt: new Date(Date.now() - hours * HOUR),
        returnedAt: new Date(Date.now() - (hours - 2) * HOUR),
      });
      await db.sql.query(
        `UPDATE missing_episode SET found_geom = ST_SetSRID(ST_MakePoint($1, $2), 4326), found_location_type = 'associate_address' WHERE id = $3::uuid`,
        [found.lon + hours * 1e-6, found.lat, episode.id],
      );
    }
    const today = londonDate();
    const result = await callerFor(db, coordinator).missing.multipleMissing({ from: '2020-01-01', to: today });
    const row = result.children.find((entry) => entry.child.id === child.id);
    expect(row).toMatchObject({ episodes: 3, foundLocationTypes: [{ type: 'associate_address', count: 3 }] });
    expect(result.foundPlaces[0]).toMatchObject({ episodes: 3, children: 1, commonestType: 'associate_address' });
    expect(result.foundPlaces[0]?.lon).toBeCloseTo(found.lon + 20e-6, 5);
  });
});
