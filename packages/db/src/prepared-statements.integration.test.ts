import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from './connect.ts';

/**
 * Statements run with `{ prepare: true }` (the session check, a search with its audit event) give
 * what the same statement gives unprepared, on both backends: on PGlite they go through its
 * protocol as named statements (pglite-prepared.ts), which nothing else there exercises.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const insert = 'INSERT INTO agency (name, kind) VALUES ($1, $2::agency_kind)';
const count = `SELECT count(*)::int AS n FROM agency WHERE name LIKE 'Probe %'`;
const typed = `SELECT $1::int + 1 AS next, $2::text AS label, $3::text[] AS tags, $4::jsonb AS doc,
  $5::timestamptz AS at, $6::bigint AS big, $7::boolean AS flag, $8::text AS missing, $9::uuid AS id`;
const values = [
  41,
  'Ünïcode, "quoted" and \\ back',
  ['a', 'b,c', 'd"e', null],
  { nested: { list: [1, 2] }, text: 'x' },
  new Date('2026-12-07T10:00:00Z'),
  '9007199254740993',
  true,
  null,
  '9b2a3c4d-1111-4222-8333-944455556666',
];

describe('prepared statements', () => {
  it('bind every kind of value as the unprepared statement does, and parse the rows the same', async () => {
    const plain = await db.sql.query(typed, values);
    const first = await db.sql.query(typed, values, { prepare: true });
    const again = await db.sql.query(typed, values, { prepare: true });
    expect(first).toEqual(plain);
    expect(again).toEqual(plain);
    expect(first[0]).toMatchObject({ next: 42, tags: ['a', 'b,c', 'd"e', null], flag: true, missing: null });
  });

  it('refuse bad input with the database error, and the next statement runs', async () => {
    await db.sql.query(insert, ['Probe one', 'police'], { prepare: true });
    await expect(db.sql.query(insert, ['Probe one', 'police'], { prepare: true })).rejects.toMatchObject({
      code: '23505',
    });
    await expect(db.sql.query(insert, ['Probe x', 'no such kind'], { prepare: true })).rejects.toMatchObject({
      code: '22P02',
    });
    await db.sql.query(insert, ['Probe two', 'charity'], { prepare: true });
    expect(await db.sql.query(`SELECT name, kind::text FROM agency WHERE name LIKE 'Probe %' ORDER BY name`)).toEqual([
      { name: 'Probe one', kind: 'police' },
      { name: 'Probe two', kind: 'charity' },
    ]);
  });

  it('run inside a transaction, whose rollback takes back what they wrote', async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query(insert, ['Probe inside', 'health'], { prepare: true });
        expect(await tx.query(count, [], { prepare: true })).toEqual([{ n: 3 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.sql.query(count, [], { prepare: true })).toEqual([{ n: 2 }]);
  });

  it('outside a transaction, never run inside another one (its rolled-back row is never seen)', async () => {
    let wrote: () => void = () => undefined;
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const transaction = db.sql.transaction(async (tx) => {
      await tx.query(insert, ['Probe pending', 'other']);
      wrote();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('roll back');
    });
    await written;
    // On PGlite this waits for the transaction to end (one statement at a time, as its own
    // `query`); on PostgreSQL it runs on another connection. Neither sees the pending row.
    const seen = db.sql.query(count, [], { prepare: true });
    await expect(transaction).rejects.toThrow('roll back');
    expect(await seen).toEqual([{ n: 2 }]);
  });

  it('run again after the columns they return changed (a migration while the server runs)', async () => {
    await db.sql.exec('CREATE TABLE prepared_shape (a int); INSERT INTO prepared_shape VALUES (1)');
    try {
      const statement = 'SELECT * FROM prepared_shape';
      expect(await db.sql.query(statement, [], { prepare: true })).toEqual([{ a: 1 }]);
      await db.sql.exec('ALTER TABLE prepared_shape ADD COLUMN b text');
      expect(await db.sql.query(statement, [], { prepare: true })).toEqual([{ a: 1, b: null }]);
    } finally {
      // Dropped, so the schema is the template's again and the next file may reuse the database.
      await db.sql.exec('DROP TABLE prepared_shape');
    }
  });

  it('run again after the session forgot them (DISCARD ALL)', async () => {
    expect(await db.sql.query(count, [], { prepare: true })).toEqual([{ n: 2 }]);
    await db.sql.exec('DISCARD ALL');
    expect(await db.sql.query(count, [], { prepare: true })).toEqual([{ n: 2 }]);
  });
  it("are what Prisma's queries are on the embedded database, with the same results", async () => {
    const plain = await db.sql.query<{ code: string; name: string }>('SELECT code, name FROM district ORDER BY code');
    const found = await db.prisma.district.findMany({ select: { code: true, name: true }, orderBy: { code: 'asc' } });
    expect(found).toEqual(plain);
    const names = await db.sql.query<{ name: string }>(
      `SELECT name FROM pg_prepared_statements WHERE starts_with(name, 'prisma_')`,
    );
    // PostgreSQL's adapter (pg) prepares nothing by name; PGlite's session is the one connection.
    expect(names.length > 0).toBe(db.backend === 'pglite');
  });
});
