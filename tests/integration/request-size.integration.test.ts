import { randomUUID } from 'node:crypto';
import type { Database } from '@lantern/db';
import { maxRequestBytes } from '@lantern/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, testServer } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The body limit agrees with the input schemas. Regression: the server refused bodies over 1 MiB
 * with a bare 413, so a 1.1 MB missing-episodes CSV and a 900 KB Philomena photo, both valid, were
 * refused before validation, and the refusal did not say the limit.
 */
const header =
  'episode_ref,child_ref,sex,date_of_birth,care_status,police_risk,reported_at,returned_at,last_seen_lat,last_seen_lon,found_lat,found_lon,rhi_service,rhi_completed_at,mam_held_at,notes';
const notes = 'x'.repeat(11_000);
const row = (index: number) =>
  `SIZE-${index},CH-SIZE-${index},F,2010-05-06,home,medium,2025-07-01T21:00:00+01:00,2025-07-02T08:00:00+01:00,,,,,family_service,,,${notes}`;

let db: Database;
let app: FastifyInstance;
let coordinator: HttpClient;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
  const user = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });
  coordinator = new HttpClient(app);
  await coordinator.mutation('auth.login', { email: user.email, password: user.password });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('request bodies', () => {
  it('takes a 1.1 MB missing-episodes CSV (extra columns ignored) to the import', async () => {
    const csv = [header, ...Array.from({ length: 100 }, (_, index) => row(index))].join('\n');
    expect(csv.length).toBeGreaterThan(1_100_000);

    const response = await coordinator.mutation('missing.importEpisodes', { fileName: 'big.csv', csv });

    expect(response.status).toBe(200);
    expect(response.body.result?.data).toMatchObject({ rows: 100, inserted: 100, rejected: 0 });
  });

  it('takes a profile with a 900 KB photo to validation, which names the first bad field', async () => {
    const photo = { contentType: 'image/jpeg', base64: Buffer.alloc(900_000, 7).toString('base64') };

    const response = await coordinator.mutation('missing.philomena.save', { personId: 'not-a-uuid', photo });

    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/^personId: must be a UUID/);
  });

  it('refuses a body over the limit with 413 and says the limit', async () => {
    const csv = 'y'.repeat(maxRequestBytes);

    const response = await coordinator.mutation('missing.importEpisodes', { fileName: 'huge.csv', csv });

    expect(response.status).toBe(413);
    expect(response.body.error?.message).toBe(
      `The request is larger than the server accepts (at most ${(maxRequestBytes / 1_048_576).toFixed(1)} MiB); send less at once`,
    );
  });

  it('answers a large body sent to a route that takes none with 404 or 413, not 500', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/geo/boundaries/districts.geojson?${randomUUID()}`,
      payload: 'z'.repeat(2_000_000),
      headers: { 'content-type': 'text/plain' },
    });
    expect([404, 413]).toContain(response.statusCode);
  });
});
