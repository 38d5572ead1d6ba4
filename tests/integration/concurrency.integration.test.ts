import type { Database } from '@lantern/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Optimistic concurrency on people.update: editors name the version they read, and when two
 * change the same version at once exactly one wins; the other is told, with CONFLICT, which
 * version the record is now at, and nothing of theirs is written.
 */
const district = 'E07000174';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function twoEditors() {
  const analyst = await createUser(db, { roles: ['police_analyst'] });
  const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [district] });
  return [analyst, coordinator] as const;
}

const conflictMessage = (id: string, read: number, now: number) =>
  `version: person ${id} was changed by someone else since you read version ${read} (it is now version ${now}); reload it and make your change again`;

async function personRow(id: string) {
  return db.prisma.person.findUniqueOrThrow({
    where: { id },
    select: { familyName: true, aliases: true, version: true },
  });
}

async function updateEvents(id: string) {
  const rows = await db.sql.query<{ user_id: string }>(
    `SELECT user_id::text AS user_id FROM audit_event WHERE action = 'update' AND $1 = ANY(record_ids) ORDER BY seq`,
    [id],
  );
  return rows.map((row) => row.user_id);
}

describe('two editors change the same version at once', () => {
  it('lets exactly one win; the other gets CONFLICT and its change is not applied', async () => {
    const editors = await twoEditors();
    const child = await createPersonRecord(db, { homeDistrictCode: district });
    const reads = await Promise.all(editors.map((editor) => callerFor(db, editor).people.get({ id: child.id })));
    expect(reads.map((read) => (read.view === 'full' ? read.version : null))).toEqual([1, 1]);

    const surnames = ['Firsteditor', 'Secondeditor'] as const;
    const results = await Promise.allSettled(
      editors.map((editor, index) =>
        callerFor(db, editor).people.update({ id: child.id, version: 1, changes: { familyName: surnames[index] } }),
      ),
    );

    const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [index] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0] ?? -1;
    const loser = results[1 - winner];
    expect(loser?.status).toBe('rejected');
    const error = loser?.status === 'rejected' ? loser.reason : undefined;
    expect(error).toBeInstanceOf(TRPCError);
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'CONFLICT',
      message: conflictMessage(child.id, 1, 2),
    });

    expect(await personRow(child.id)).toEqual({ familyName: surnames[winner], aliases: [], version: 2 });
    expect(await updateEvents(child.id)).toEqual([editors[winner]?.id]);
  });

  it('accepts the loser’s retry with the version it reads again', async () => {
    const [first, second] = await twoEditors();
    const child = await createPersonRecord(db, { homeDistrictCode: district });
    await callerFor(db, first).people.update({ id: child.id, version: 1, changes: { aliases: ['Jay'] } });
    const stale = callerFor(db, second).people.update({ id: child.id, version: 1, changes: { familyName: 'Retried' } });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', message: conflictMessage(child.id, 1, 2) });

    const fresh = await callerFor(db, second).people.get({ id: child.id });
    expect(fresh.view === 'full' ? fresh.version : null).toBe(2);
    const retried = await callerFor(db, second).people.update({
      id: child.id,
      version: 2,
      changes: { familyName: 'Retried' },
    });
    expect(retried).toMatchObject({ view: 'full', familyName: 'Retried', aliases: ['Jay'], version: 3 });
    expect(await personRow(child.id)).toEqual({ familyName: 'Retried', aliases: ['Jay'], version: 3 });
    expect(await updateEvents(child.id)).toEqual([first.id, second.id]);
  });

  it('lets one of eight simultaneous editors win and refuses the other seven', async () => {
    const editors = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createUser(
          db,
          index % 2 === 0
            ? { roles: ['police_analyst'] }
            : { roles: ['missing_coordinator'], districtCodes: [district] },
        ),
      ),
    );
    const child = await createPersonRecord(db, { homeDistrictCode: district });
    const results = await Promise.allSettled(
      editors.map((editor, index) =>
        callerFor(db, editor).people.update({
          id: child.id,
          version: 1,
          changes: { familyName: `Editor${'x'.repeat(index + 1)}` },
        }),
      ),
    );

    const outcomes = results.map((result) =>
      result.status === 'fulfilled' ? 'updated' : `${result.reason.code}: ${result.reason.message}`,
    );
    expect(outcomes.filter((outcome) => outcome === 'updated')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'updated')).toEqual(
      Array.from({ length: 7 }, () => `CONFLICT: ${conflictMessage(child.id, 1, 2)}`),
    );
    const winner = results.findIndex((result) => result.status === 'fulfilled');
    expect(await personRow(child.id)).toEqual({
      familyName: `Editor${'x'.repeat(winner + 1)}`,
      aliases: [],
      version: 2,
    });
    expect(await updateEvents(child.id)).toEqual([editors[winner]?.id]);
  });
});
