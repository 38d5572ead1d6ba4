import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, importMissingEpisodesFile } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedInClient, testServer } from '../support/api.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Values found to answer 500 or to be accepted as nonsense, each now refused as bad input naming
 * the field: versions past PostgreSQL's int4, text that is not valid Unicode, instants whose
 * offset carries them past year 9999 or before year 1, and implausible dates (an episode in the
 * year 1000, a child born in 9999, a meeting in 9999, an action due in the year 1).
 */
let db: Database;
let app: FastifyInstance;
let analyst: HttpClient;
let coordinator: HttpClient;
let admin: HttpClient;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
  analyst = await signedInClient(app, db, { roles: ['police_analyst'] });
  coordinator = await signedInClient(app, db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });
  admin = await signedInClient(app, db, { roles: ['admin'] });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const id = () => randomUUID();

describe.each([2 ** 31, Number.MAX_SAFE_INTEGER])('a version of %d', (version) => {
  it.each([
    ['places.update', () => analyst, () => ({ id: id(), version, changes: { name: 'x' } })],
    ['people.update', () => analyst, () => ({ id: id(), version, changes: { givenName: 'x' } })],
    ['nsd.updateAction', () => analyst, () => ({ id: id(), version, changes: { status: 'done' } })],
    ['nsd.recordMinutes', () => analyst, () => ({ meetingId: id(), itemKey: 'a', text: 'x', version })],
    ['tactics.update', () => admin, () => ({ id: id(), version, changes: { name: 'x' } })],
    [
      'missing.setThresholds',
      () => admin,
      () => ({ mamDurationHours: 72, mamRepeatCount: 3, mamWindowDays: 90, version }),
    ],
  ])('is refused by %s with 400 naming version', async (procedure, client, input) => {
    const response = await client().mutation(procedure, input());
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/(^|; )version: must be the whole-number version you read/);
  });
});

describe('text that is not valid Unicode', () => {
  it('is refused with 400 naming the field', async () => {
    const response = await analyst.query('people.search', { name: 'a\ud800b' });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toBe(
      'name: must be valid Unicode text (it holds an unpaired surrogate character)',
    );
  });
});

describe('instants and dates out of bounds', () => {
  it('refuses an occurredAt whose offset carries it past the year 9999', async () => {
    const response = await analyst.mutation('intelligence.submit', {
      category: 'cse',
      body: 'Seen outside the chip shop',
      occurredAt: '9999-12-31T23:59:59-23:59',
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toBe('occurredAt: must not be in the future (got 9999-12-31T23:59:59-23:59)');
  });

  it('refuses a reportedAt in the year 1', async () => {
    const response = await coordinator.mutation('missing.recordEpisode', {
      personId: id(),
      careStatus: 'home',
      policeRisk: 'medium',
      reportedAt: '0001-01-01T00:00:00+14:00',
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/^reportedAt: /);
  });

  it('refuses quarterly figures as of the year 1', async () => {
    const response = await coordinator.query('missing.quarterlyFigures', { asOf: '0001-01-01' });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(
      /^asOf: must be a date as YYYY-MM-DD \(there is no year 0000\)|^asOf: must be between 1900-01-01 and 2100-12-31/,
    );
  });

  it('refuses a child born on 9999-12-31', async () => {
    const response = await coordinator.mutation('people.create', {
      kind: 'child',
      givenName: 'Test',
      familyName: 'Child',
      sex: 'F',
      dateOfBirth: '9999-12-31',
      homeDistrictCode: 'E07000174',
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/dateOfBirth: must not be in the future \(got 9999-12-31\)/);
  });

  it('refuses a meeting held on 9999-12-31 and an action due on 0001-01-01', async () => {
    const meeting = await analyst.mutation('nsd.createMeeting', {
      districtCode: 'E07000174',
      heldOn: '9999-12-31',
      attendees: [],
      agencies: [],
    });
    expect(meeting.status).toBe(400);
    expect(meeting.body.error?.message).toMatch(/heldOn: must not be after \d{4}-\d{2}-\d{2} \(10 years ahead\)/);

    const action = await analyst.mutation('nsd.addAction', {
      meetingId: id(),
      text: 'Ask the takeaway for its CCTV',
      owner: 'PC Smith',
      dueOn: '0001-01-01',
    });
    expect(action.status).toBe(400);
    expect(action.body.error?.message).toMatch(/dueOn: must not be before 2000-01-01 \(got 0001-01-01\)/);
  });

  it('refuses an episode reported in the year 1000 in a CSV import, naming the line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-bounds-'));
    const file = join(dir, 'old.csv');
    writeFileSync(
      file,
      [
        'episode_ref,child_ref,sex,date_of_birth,care_status,police_risk,reported_at,returned_at,last_seen_lat,last_seen_lon,found_lat,found_lon,rhi_service,rhi_completed_at,mam_held_at',
        'OLD-1,CH-OLD-1,F,2009-01-01,home,medium,1000-06-01T12:00:00Z,,,,,,,,',
      ].join('\n'),
    );
    await expect(importMissingEpisodesFile(db.sql, file)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      problems: [{ file: 'old.csv', line: 2, field: 'reported_at', message: 'must not be before 2000-01-01' }],
    });
  });
});
