import type { Database } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpResult, signedInClient, testServer } from '../support/api.ts';
import { createPlaceRecord } from '../support/domain-factories.ts';
import { createPersonRecord } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * A CONFLICT of optimistic concurrency reaches the browser with who made the change that won and
 * when (`error.data.conflict`), read from the audit trail: the web app's "Changed by … at …".
 */
let db: Database;
let app: FastifyInstance;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const mansfield = 'E07000174';

const conflictIn = (result: HttpResult) => (result.body.error?.data as { conflict?: unknown } | undefined)?.conflict;

describe('the CONFLICT detail over HTTP', () => {
  it('names the user and time of the latest change of a place, and the version now stored', async () => {
    const first = await signedInClient(app, db, { roles: ['police_analyst'] });
    const second = await signedInClient(app, db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const won = await first.mutation('places.update', { id: place.id, version: 1, changes: { name: 'First writer' } });
    expect(won.status).toBe(200);

    const lost = await second.mutation('places.update', { id: place.id, version: 1, changes: { name: 'Second' } });
    expect(lost.status).toBe(409);
    const data = lost.body.error?.data as { code: string; conflict?: Record<string, unknown> };
    expect(data.code).toBe('CONFLICT');
    expect(data.conflict).toEqual({
      currentVersion: 2,
      changedBy: 'Test police_analyst',
      changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    const [event] = await db.prisma.auditEvent.findMany({
      where: { procedure: 'places.update', recordIds: { has: place.id } },
      select: { at: true },
    });
    expect(data.conflict?.changedAt).toBe(event?.at.toISOString());
  });

  it('names the latest change of a person, and keeps other errors without it', async () => {
    const first = await signedInClient(app, db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
    const second = await signedInClient(app, db, { roles: ['police_analyst'] });
    const child = await createPersonRecord(db, { homeDistrictCode: mansfield });
    await first.mutation('people.update', { id: child.id, version: child.version, changes: { aliases: ['Ro'] } });
    const lost = await second.mutation('people.update', {
      id: child.id,
      version: child.version,
      changes: { aliases: ['Robbie'] },
    });
    expect(lost.status).toBe(409);
    expect(conflictIn(lost)).toMatchObject({
      currentVersion: child.version + 1,
      changedBy: 'Test missing_coordinator',
    });

    const bad = await second.mutation('people.update', { id: child.id, version: 2, changes: { givenName: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toBe('changes.givenName: must not be empty');
    expect(bad.body.error?.data).not.toHaveProperty('conflict');
  });

  it('says nobody when the record has no change in the audit trail (made before Lantern kept one)', async () => {
    const client = await signedInClient(app, db, { roles: ['police_analyst'] });
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    await db.sql.query('UPDATE place_of_concern SET version = 5 WHERE id = $1::uuid', [place.id]);
    const lost = await client.mutation('places.update', { id: place.id, version: 1, changes: { name: 'Late' } });
    expect(conflictIn(lost)).toEqual({
      currentVersion: 5,
      changedBy: null,
      changedAt: null,
    });
  });
});
