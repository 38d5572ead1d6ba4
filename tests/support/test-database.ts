import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, openDatabase } from '@lantern/db';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from './global-setup.ts';
import { pooledPgliteDatabase } from './pglite-pool.ts';

/**
 * A migrated database for one test file, on the backend this project runs against
 * (LANTERN_TEST_BACKEND), in the template's state: PostgreSQL clones the template, PGlite reuses a
 * database an earlier file of the worker closed, reset to the template (pglite-pool.ts), or loads
 * the template afresh. No file sees another's rows; call `close()` in afterAll.
 */
export const testBackend = process.env.LANTERN_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

/** The migrated template of this run: PGlite's dumped data directory, read once per worker. */
let pgliteTemplate: Blob | undefined;

export async function createTestDatabase(): Promise<Database> {
  const template = inject('lanternTemplate');
  if (testBackend === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(template)]);
    return pooledPgliteDatabase(pgliteTemplate);
  }
  return clonePostgresDatabase(template, `lantern_test_${randomBytes(6).toString('hex')}`, true);
}

/**
 * A new PostgreSQL database copied from `template` (CREATE DATABASE … TEMPLATE). With
 * `dropOnClose`, `close()` drops it too; templates are dropped by the global setup's teardown.
 */
export async function clonePostgresDatabase(template: string, name: string, dropOnClose: boolean): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, name) });
  if (!dropOnClose) return db;
  return {
    ...db,
    backend: db.backend,
    sql: db.sql,
    prisma: db.prisma,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
