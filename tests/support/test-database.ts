import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, openDatabase } from '@lantern/db';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from './global-setup.ts';

/**
 * A fresh, migrated database for one test file, on the backend this project runs against
 * (LANTERN_TEST_BACKEND). Nothing is shared between files; call `close()` in afterAll.
 */
export const testBackend = process.env.LANTERN_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export async function createTestDatabase(): Promise<Database> {
  const template = inject('lanternTemplate');
  if (testBackend === 'pglite') {
    return openDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, name) });
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
