import { PGlite, types } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pglitePreparedStatements } from './pglite-prepared.ts';

/**
 * The prepared statements Prisma's queries go through on the embedded database: answered as
 * PGlite's own `query` answers, and never more than the limit kept in the session. A plain
 * in-memory PGlite, without Lantern's extensions or schema.
 */
let pglite: PGlite;
beforeAll(async () => {
  pglite = await PGlite.create();
  await pglite.exec(`CREATE TABLE probe (n int PRIMARY KEY, label text, at timestamptz, amount numeric)`);
  await pglite.exec(`INSERT INTO probe VALUES (1, 'one', '2026-12-07T10:00:00Z', 1.50), (2, NULL, NULL, NULL)`);
  // PGlite's start: seconds, more when the other test files keep both cores busy.
}, 60_000);
afterAll(() => pglite.close());

const named = (prefix: string) => (text: string) => `${prefix}_${Buffer.from(text).toString('hex').slice(-40)}`;
const statementName = named('probe');
const never = () => false;

async function preparedNames(prefix: string): Promise<string[]> {
  const rows = await pglite.query<{ name: string }>(
    `SELECT name FROM pg_prepared_statements WHERE starts_with(name, $1) ORDER BY name`,
    [`${prefix}_`],
  );
  return rows.rows.map((row) => row.name);
}

describe('pglitePreparedStatements.results', () => {
  it("answers as PGlite's query does: rows in array mode with the caller's parsers, fields and affected rows", async () => {
    const prepared = pglitePreparedStatements(pglite, statementName, never);
    const select = 'SELECT n, label, at, amount FROM probe WHERE n >= $1 ORDER BY n';
    const options = { rowMode: 'array' as const, parsers: { [types.NUMERIC]: (value: string) => `numeric ${value}` } };
    const plain = await pglite.query(select, [1], options);
    const first = await prepared.results(select, [1], false, options);
    const again = await prepared.results(select, [1], false, options);
    expect(first).toEqual(plain);
    expect(again).toEqual(plain);
    expect(first.rows[0]).toEqual([1, 'one', new Date('2026-12-07T10:00:00Z'), 'numeric 1.50']);
    expect(first.fields.map((field) => field.name)).toEqual(['n', 'label', 'at', 'amount']);

    const update = 'UPDATE probe SET label = $2 WHERE n = $1';
    const written = await pglite.transaction(async () => prepared.results(update, [2, 'two'], true));
    expect(written.affectedRows).toBe(1);
    expect((await pglite.query('SELECT label FROM probe WHERE n = 2')).rows).toEqual([{ label: 'two' }]);
  });

  it('closes the least recently used statements beyond its limit, and prepares one again when it is used', async () => {
    const lruName = named('lru');
    const prepared = pglitePreparedStatements(pglite, lruName, never, 2);
    const statement = (k: number) => `SELECT $1::int + ${k} AS n`;
    await prepared.query(statement(10), [1], false);
    await prepared.query(statement(20), [1], false);
    // 10 is used again, so 20 is now the least recently used one.
    await prepared.query(statement(10), [1], false);
    await prepared.query(statement(30), [1], false);
    await prepared.query(statement(40), [1], false);
    expect(await preparedNames('lru')).toEqual([lruName(statement(30)), lruName(statement(40))].sort());
    expect(await prepared.query(statement(20), [1], false)).toEqual([{ n: 21 }]);
    expect(await preparedNames('lru')).toEqual([lruName(statement(20)), lruName(statement(40))].sort());
  });
});
