import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { initialisedDataDir } from '../../../tests/support/embedded-data-dir.ts';
import { configuredDatabase } from './database.ts';
import { readEnv } from './env.ts';

/**
 * The embedded database has no autovacuum, so every command leaves the tables it changed
 * analyzed before it closes the database (table-maintenance.ts), also when it fails after part of
 * its work committed. `reltuples` is what ANALYZE leaves in the catalogue (-1: never analyzed),
 * and unlike the change counters it outlives the process.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function embedded() {
  const { dir, dataDir } = await initialisedDataDir('lantern-cli-db-');
  dirs.push(dir);
  const errors: string[] = [];
  const io = { out: () => undefined, err: (text: string) => errors.push(text) };
  return { withDatabase: configuredDatabase(readEnv({ LANTERN_DATA_DIR: dataDir }), io), errors };
}

const tuplesOf = (withDatabase: Awaited<ReturnType<typeof embedded>>['withDatabase']) =>
  withDatabase(async (db) => {
    const [row] = await db.sql.query<{ reltuples: number }>(
      `SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'probe'`,
    );
    return row?.reltuples;
  });

describe('configuredDatabase on the embedded database', () => {
  it('analyzes what a command changed before it closes the database', async () => {
    const { withDatabase } = await embedded();
    await withDatabase(async (db) => {
      await db.sql.exec('CREATE TABLE probe (n int); INSERT INTO probe SELECT generate_series(1, 5000)');
    });
    expect(await tuplesOf(withDatabase)).toBe(5000);
  }, 60_000);

  it('analyzes what a failed command committed, and fails with the command’s own error', async () => {
    const { withDatabase, errors } = await embedded();
    await expect(
      withDatabase(async (db) => {
        await db.sql.exec('CREATE TABLE probe (n int); INSERT INTO probe SELECT generate_series(1, 5000)');
        throw new Error('the third file is refused');
      }),
    ).rejects.toThrow('the third file is refused');
    expect(await tuplesOf(withDatabase)).toBe(5000);
    expect(errors).toEqual([]);
  }, 60_000);
});
