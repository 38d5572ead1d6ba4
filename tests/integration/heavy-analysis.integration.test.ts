import { join } from 'node:path';
import { analysesPerUser, analysesWaitingPerUser } from '@lantern/app';
import { type Database, importPoliceUkFile } from '@lantern/db';
import { maxCallsPerBatch } from '@lantern/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, signedInClient, testServer } from '../support/api.ts';
import { shippedMonths } from '../support/police-uk-files.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Heavy analytics cannot stall the server. Regressions: as the NSD attendee,
 * `hotspots.compute` with 50 m cells and a 2.5 km band held the event loop for 5.7 s (healthz
 * blocked) and with a 20 km band answered 500 ("Invalid typed array length"); a batch of 100 such
 * calls ran for 14.6 s. Now work beyond a budget is refused naming the parameter, the work runs in
 * a worker pool, each user has a few analyses at once, and a batch is capped.
 */
const month = join(shippedMonths, '2024-03-nottinghamshire-street.csv');

let db: Database;
let app: FastifyInstance;
let analyst: HttpClient;
let attendee: HttpClient;

beforeAll(async () => {
  db = await createTestDatabase();
  await importPoliceUkFile(db.sql, month);
  app = await testServer(db);
  analyst = await signedInClient(app, db, { roles: ['police_analyst'] });
  attendee = await signedInClient(app, db, { roles: ['nsd_attendee'], districtCodes: ['E07000174'] });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('the work budget', () => {
  it('refuses 50 m cells with a 2.5 km band, naming the band, before any work', async () => {
    const response = await attendee.query('hotspots.compute', {
      source: 'police-uk',
      districtCodes: ['E07000174'],
      cellSize: 50,
      band: 2500,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(
      /^band: 2500 m with 50 m cells gives about [\d,]+ neighbour pairs here \(at most 10,000,000\); use a smaller band, larger cells or fewer districts$/,
    );
  });

  it('refuses a 20 km band with 400, not 500', async () => {
    const response = await attendee.query('hotspots.compute', {
      source: 'police-uk',
      districtCodes: ['E07000174'],
      cellSize: 50,
      band: 20_000,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/^band: 20000 m with 50 m cells/);
  });

  it('refuses a grid of too many cells, naming the cell size', async () => {
    const response = await analyst.query('hotspots.compute', { source: 'police-uk', cellSize: 100, band: 300 });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(
      /^cellSize: 100 m cells make about [\d,]+ cells here \(at most 100,000\); use larger cells or fewer districts$/,
    );
  });

  it('refuses too many permutations, naming them', async () => {
    const response = await analyst.query('hotspots.compute', {
      source: 'police-uk',
      cellSize: 150,
      band: 450,
      permutations: 999,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/^permutations: 999 permutations of about/);
  });

  it('refuses an emerging-hot-spot request whose months multiply past the budget', async () => {
    const response = await analyst.query('hotspots.emerging', {
      source: 'police-uk',
      from: '2015-01-01',
      to: '2024-12-31',
      cellSize: 150,
      band: 450,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(
      /^band: 450 m with 150 m cells gives about [\d,]+ neighbour pairs over 120 months/,
    );
  });
});

describe('while the heaviest allowed analysis runs', () => {
  it('answers /healthz and a cheap read before the analysis finishes', async () => {
    const finished: string[] = [];
    // County and city at 200 m with a 600 m band and 99 permutations: seconds of work in the pool
    // (`pnpm bench:healthz` times the heaviest the budget allows).
    const heavy = analyst
      .query('hotspots.compute', { source: 'police-uk', cellSize: 200, band: 600, permutations: 99 })
      .then((response) => {
        finished.push('heavy');
        return response;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const healthz = app.inject({ method: 'GET', url: '/healthz' }).then((response) => {
      finished.push('healthz');
      return response;
    });
    const cheap = analyst.query('districts.list').then((response) => {
      finished.push('districts.list');
      return response;
    });

    const [heavyResponse, healthzResponse, cheapResponse] = await Promise.all([heavy, healthz, cheap]);

    expect(healthzResponse.statusCode).toBe(200);
    expect(cheapResponse.status).toBe(200);
    expect(heavyResponse.status).toBe(200);
    expect(finished.indexOf('healthz')).toBeLessThan(finished.indexOf('heavy'));
    expect(finished.indexOf('districts.list')).toBeLessThan(finished.indexOf('heavy'));
  });
});

describe('limits per user and per request', () => {
  it(`runs ${analysesPerUser} analyses of one user at once, queues ${analysesWaitingPerUser} more and refuses the next with 429`, async () => {
    const busy = await signedInClient(app, db, { roles: ['police_analyst'] });
    const request = () => busy.query('hotspots.compute', { source: 'police-uk', cellSize: 250, band: 750 });
    const total = analysesPerUser + analysesWaitingPerUser + 1;

    const responses = await Promise.all(Array.from({ length: total }, request));

    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(total - 1);
    const refused = responses.filter((response) => response.status === 429);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.body.error?.message).toBe(
      `You already have ${analysesPerUser} analyses running and ${analysesWaitingPerUser} waiting; wait for them to finish before starting another`,
    );
  });

  it('queues a burst the size of a map page (hot spots, density, emerging) rather than refusing it', async () => {
    const mapUser = await signedInClient(app, db, { roles: ['police_analyst'] });

    const responses = await Promise.all([
      mapUser.query('hotspots.compute', { source: 'police-uk', cellSize: 250, band: 750 }),
      mapUser.query('hotspots.density', { source: 'police-uk', cellSize: 250 }),
      mapUser.query('hotspots.emerging', { source: 'police-uk', from: '2024-01-01', to: '2024-03-31' }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
  });

  it(`refuses a batch of more than ${maxCallsPerBatch} calls`, async () => {
    const paths = Array.from({ length: maxCallsPerBatch + 1 }, () => 'districts.list').join(',');
    const response = await app.inject({
      method: 'GET',
      url: `/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`,
      headers: { 'x-lantern-csrf': '1', cookie: analyst.cookie ?? '' },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('Batch call exceeds maximum size');
  });
});
