import { type Database, districtCountsVersion, type Principal } from '@lantern/db';
import { districts } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, signedInClient, testServer } from '../support/api.ts';
import {
  createIntelligenceRecord,
  createMissingEpisodeRecord,
  createPlaceRecord,
  flagChild,
  type TestDistrict,
} from '../support/domain-factories.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

// Counts are totals over the whole database, so each test works in a district of its own.
let db: Database;
let analyst: Principal;
let attendee: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: ['E07000174'] });
});
afterAll(() => db.close());

async function countsIn(principal: Principal, code: TestDistrict) {
  const { districts: listed } = await callerFor(db, principal).districts.list();
  return listed.find((district) => district.code === code)?.counts;
}

async function flaggedChildren(code: TestDistrict, count: number) {
  for (let i = 0; i < count; i += 1) {
    const child = await createPersonRecord(db, { homeDistrictCode: code });
    await flagChild(db, child.id, i % 2 === 0 ? 'cse' : 'cce');
  }
}

describe('districts.list', () => {
  it('lists the eight districts with their names and kinds', async () => {
    const { districts: listed } = await callerFor(db, attendee).districts.list();
    expect(
      listed.map(({ code, name, kind }) => ({ code, name, kind })).sort((a, b) => a.code.localeCompare(b.code)),
    ).toEqual(districts.map(({ code, name, kind }) => ({ code, name, kind })));
  });

  it('shows an NSD attendee people-derived counts of 1–4 as "<5" and an analyst the exact counts', async () => {
    const bassetlaw = 'E07000171';
    await flaggedChildren(bassetlaw, 3);
    await createPersonRecord(db, { homeDistrictCode: bassetlaw });
    const child = await createPersonRecord(db, { homeDistrictCode: bassetlaw });
    await createMissingEpisodeRecord(db, { personId: child.id, districtCode: bassetlaw });
    await createMissingEpisodeRecord(db, { personId: child.id, districtCode: bassetlaw });
    await createMissingEpisodeRecord(db, {
      personId: child.id,
      districtCode: bassetlaw,
      reportedAt: new Date(Date.now() - 400 * 86_400_000),
    });
    await createPlaceRecord(db, { districtCode: bassetlaw });
    await createPlaceRecord(db, { districtCode: bassetlaw });
    await createPlaceRecord(db, { districtCode: bassetlaw, concernSince: '2023-01-01', concernUntil: '2023-12-31' });
    await createIntelligenceRecord(db, { districtCode: bassetlaw });

    expect(await countsIn(attendee, bassetlaw)).toEqual({
      places: 2,
      intelligenceReports: 1,
      missingEpisodes: '<5',
      childrenFlagged: '<5',
    });
    expect(await countsIn(analyst, bassetlaw)).toEqual({
      places: 2,
      intelligenceReports: 1,
      missingEpisodes: 2,
      childrenFlagged: 3,
    });
  });

  it('suppresses for district officers too, and keeps 0 and 5 or more exact', async () => {
    const rushcliffe = 'E07000176';
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [rushcliffe] });
    await flaggedChildren(rushcliffe, 5);
    const child = await createPersonRecord(db, { homeDistrictCode: rushcliffe });
    await createMissingEpisodeRecord(db, { personId: child.id, districtCode: rushcliffe });
    expect(await countsIn(officer, rushcliffe)).toMatchObject({ childrenFlagged: 5, missingEpisodes: '<5' });
    expect(await countsIn(officer, 'E07000172')).toEqual({
      places: 0,
      intelligenceReports: 0,
      missingEpisodes: 0,
      childrenFlagged: 0,
    });
  });

  it('counts every district whatever the caller’s own scope', async () => {
    const newark = 'E07000175';
    await createIntelligenceRecord(db, { districtCode: newark });
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });
    await flaggedChildren(newark, 1);
    expect(await countsIn(coordinator, newark)).toMatchObject({ intelligenceReports: 1, childrenFlagged: 1 });
  });

  it('keeps its counts between calls only until a write can change them', async () => {
    const ashfield = 'E07000170';
    const counted = () => countsIn(analyst, ashfield);
    const version = async () => districtCountsVersion(db.sql);
    const start = await counted();
    expect(start).toEqual({ places: 0, intelligenceReports: 0, missingEpisodes: 0, childrenFlagged: 0 });

    await createPlaceRecord(db, { districtCode: ashfield });
    expect(await counted()).toMatchObject({ places: 1 });
    await createIntelligenceRecord(db, { districtCode: ashfield });
    expect(await counted()).toMatchObject({ intelligenceReports: 1 });
    const child = await createPersonRecord(db, { homeDistrictCode: ashfield });
    await createMissingEpisodeRecord(db, { personId: child.id, districtCode: ashfield });
    expect(await counted()).toMatchObject({ missingEpisodes: 1 });
    await flagChild(db, child.id, 'cce');
    expect(await counted()).toMatchObject({ childrenFlagged: 1 });
    await db.prisma.person.update({ where: { id: child.id }, data: { homeDistrictCode: 'E07000171' } });
    expect(await counted()).toMatchObject({ childrenFlagged: 0 });

    // Writes the counts do not read leave the version, and so the kept counts, where they were.
    const before = await version();
    await db.prisma.person.update({ where: { id: child.id }, data: { givenName: 'Renamed' } });
    await createUser(db, { roles: ['police_analyst'] });
    expect(await version()).toBe(before);
    expect(await counted()).toEqual({ places: 1, intelligenceReports: 1, missingEpisodes: 1, childrenFlagged: 0 });
  });

  it('over HTTP, keys its kept counts on the versions read with the session, so a write shows at once', async () => {
    const gedling = 'E07000173';
    const app = await testServer(db);
    try {
      const client = await signedInClient(app, db, { roles: ['police_analyst'] });
      const counted = async () => {
        const { status, body } = await client.query('districts.list');
        expect(status).toBe(200);
        const data = body.result?.data as { districts: Array<{ code: string; counts: unknown }> } | undefined;
        return data?.districts.find((district) => district.code === gedling)?.counts;
      };
      expect(await counted()).toMatchObject({ places: 0 });
      await createPlaceRecord(db, { districtCode: gedling });
      expect(await counted()).toMatchObject({ places: 1 });

      // A write that skips the version's trigger leaves the counts kept under it as they were ...
      const trigger = 'place_of_concern_bumps_read_models';
      await db.sql.exec(`ALTER TABLE place_of_concern DISABLE TRIGGER ${trigger}`);
      try {
        await createPlaceRecord(db, { districtCode: gedling });
      } finally {
        await db.sql.exec(`ALTER TABLE place_of_concern ENABLE TRIGGER ${trigger}`);
      }
      expect(await counted()).toMatchObject({ places: 1 });
      // ... until the version moves: the next request reads it with its session and counts afresh.
      await db.sql.query(`UPDATE read_model_version SET version = version + 1 WHERE name = 'district-counts'`);
      expect(await counted()).toMatchObject({ places: 2 });
    } finally {
      await app.close();
    }
  });

  it('is refused to a caller who is not signed in', async () => {
    expect(await rejection(callerFor(db, null).districts.list())).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Sign in to use Lantern',
    });
  });
});
