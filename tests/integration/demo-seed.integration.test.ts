import { demoSeed, givenDatabase, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { captureIo } from '../support/capture-io.ts';
import { createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * `lantern start` seeds the demo with data ending yesterday (London), so the dashboards read as a
 * live county; `lantern db seed --period-end` does the same on request, and refuses a bad date.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function marker(): Promise<string | undefined> {
  const rows = await db.sql.query<{ name: string }>(`SELECT name FROM dataset_load WHERE name LIKE 'synth:%'`);
  return rows[0]?.name;
}

describe('the demo seed of lantern start', () => {
  // 00:30 BST on 1 July is still 30 June in UTC: "yesterday" is London's, 30 June.
  const now = new Date('2026-06-30T23:30:00Z');

  it('seeds three years ending the day before today in London', async () => {
    const { io } = captureIo();
    await demoSeed(db, io, now);
    expect(await marker()).toBe('synth:county:1:2026-06-30');
    const [latest] = await db.sql.query<{ day: string }>(
      `SELECT to_char(max(reported_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS day FROM missing_episode`,
    );
    expect(latest?.day).toBe('2026-06-30');
    const [earliest] = await db.sql.query<{ day: string }>(
      `SELECT to_char(min(reported_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS day FROM missing_episode`,
    );
    expect(earliest && earliest.day >= '2023-07-01').toBe(true);
  });

  it('plants children not yet flagged with two early signals, so the early-identification list is not empty', async () => {
    const analyst = await createUser(db, { roles: ['police_analyst'] });
    const list = await callerFor(db, analyst).contextual.earlyIdentification({ asOf: '2026-06-30', limit: 200 });
    expect(list.entries.length).toBeGreaterThan(0);
    for (const entry of list.entries) expect(entry.signals.length).toBeGreaterThanOrEqual(2);
    const ids = list.entries.map((entry) => entry.person.id);
    const flagged = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person WHERE id = ANY($1::uuid[]) AND (cse_risk <> 'none' OR cce_risk <> 'none')`,
      [ids],
    );
    expect(flagged[0]?.n).toBe(0);
    // The planted pair: found at a network's place, with one of its associates.
    const kinds = list.entries.map((entry) =>
      entry.signals
        .map((signal) => signal.kind)
        .sort()
        .join('+'),
    );
    expect(kinds).toContain('found_at_place_of_concern+linked_to_network_associate');
  });

  it('keeps the data already there when started again on another day', async () => {
    const { io, out } = captureIo();
    const [before] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    await demoSeed(db, io, new Date('2026-07-05T12:00:00Z'));
    expect(out.join('\n')).toContain('already holds synth:county:1:2026-06-30; kept');
    // The accounts are said on every start, seeded or kept.
    expect(out.join('\n')).toContain('analyst@lantern.test');
    expect(out.join('\n')).toContain('password for every demo account: lantern-demo-2026');
    expect(await marker()).toBe('synth:county:1:2026-06-30');
    const [after] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    expect(after?.n).toBe(before?.n);
  });
});

describe('lantern db seed --period-end', () => {
  async function lantern(...argv: string[]) {
    const captured = captureIo();
    const code = await run(argv, captured.io, givenDatabase(db));
    return { code, stderr: captured.err.join('\n') };
  }

  it.each([
    ['2026-02-30', '--period-end must be a date as YYYY-MM-DD, got "2026-02-30"'],
    ['30/06/2026', '--period-end must be a date as YYYY-MM-DD, got "30/06/2026"'],
    ['2999-01-01', '--period-end must not be in the future, got "2999-01-01"'],
  ])('refuses %s, naming the option, and writes nothing', async (value, message) => {
    const before = await marker();
    const { code, stderr } = await lantern('db', 'seed', '--period-end', value);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(await marker()).toBe(before);
  });

  it('refuses to seed a second period over the first', async () => {
    const { code, stderr } = await lantern('db', 'seed', '--period-end', '2025-12-31');
    expect(code).not.toBe(0);
    expect(stderr).toContain(
      'the database already holds synthetic data (synth:county:1:2026-06-30); run `lantern db reset` before seeding synth:county:1:2025-12-31',
    );
  });
});
