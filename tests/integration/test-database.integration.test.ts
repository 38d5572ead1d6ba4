import { appendAuditSql, type Database, openDatabase } from '@lantern/db';
import { describe, expect, it } from 'vitest';
import { pooledPgliteCounts } from '../support/pglite-pool.ts';
import { createTestDatabase, testBackend } from '../support/test-database.ts';

/**
 * The test databases themselves: whatever a file did to its database, the next file's database is
 * in the template's state. On PGlite the next file usually gets the same database back, reset
 * (tests/support/pglite-pool.ts); a file that changed the schema or a large table leaves a database
 * that is not reused. On PostgreSQL every file gets a new clone of the template.
 */

/** Every user table's rows (count and digest), every sequence, the session's settings, the triggers. */
async function databaseState(db: Database) {
  const tables = await db.sql.query<{ name: string }>(`
    SELECT format('%I.%I', n.nspname, c.relname) AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY 1`);
  const rows: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.sql.query<{ rows: string }>(
      `SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS rows FROM ${name} t`,
    );
    rows[name] = row?.rows ?? '';
  }
  const sequences: Record<string, string> = {};
  for (const { name } of await db.sql.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences ORDER BY 1`,
  )) {
    const [row] = await db.sql.query<{ value: string }>(`SELECT last_value || ' ' || is_called AS value FROM ${name}`);
    sequences[name] = row?.value ?? '';
  }
  const [settings] = await db.sql.query<{ threshold: string; role: string }>(
    `SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold,
       current_setting('session_replication_role') AS role`,
  );
  const triggers = await db.sql.query<{ trigger: string }>(
    `SELECT concat_ws(' ', tgrelid::regclass, tgname, tgenabled) AS trigger FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`,
  );
  return { rows, sequences, settings, triggers: triggers.map((row) => row.trigger) };
}

const event = {
  userId: null,
  role: null,
  action: 'login_failed' as const,
  procedure: 'auth.login',
  recordType: null,
  recordIds: [],
  reason: null,
  details: { email: 'someone@lantern.test' },
};

describe.sequential('a test file’s database', () => {
  it('is in the template’s state whatever the file before wrote, and a closed one takes no more calls', async () => {
    const first = await createTestDatabase();
    const template = await databaseState(first);
    expect(Object.keys(template.rows).length).toBeGreaterThan(20);
    expect(template.settings?.threshold).toBe('0.5');

    // Rows in tables the template leaves empty (the audit trail, append-only, and its sequence),
    // a template row changed, a session setting changed.
    await appendAuditSql(first.sql, event);
    await appendAuditSql(first.sql, event);
    await first.sql.exec(`UPDATE tile_data_version SET version = version + 5 WHERE layer = 'crime'`);
    await first.sql.exec(`SET pg_trgm.word_similarity_threshold = 0.9`);
    // A sequence no table owns (intelligence references): emptying tables does not restart it.
    await first.sql.query(`SELECT nextval('intelligence_report_reference_seq')`);
    const written = await databaseState(first);
    expect(written.rows['public.audit_event']).toMatch(/^2 /);
    expect(written.rows['public.tile_data_version']).not.toBe(template.rows['public.tile_data_version']);
    expect(written.sequences['public.audit_event_seq_seq']).not.toBe(template.sequences['public.audit_event_seq_seq']);
    expect(written.sequences['public.intelligence_report_reference_seq']).not.toBe(
      template.sequences['public.intelligence_report_reference_seq'],
    );
    const before = pooledPgliteCounts();
    await first.close();
    await expect(first.sql.query('SELECT 1')).rejects.toThrow();

    const second = await createTestDatabase();
    try {
      // PGlite hands the same database back, reset; PostgreSQL a new clone.
      if (testBackend === 'pglite') expect(pooledPgliteCounts()).toEqual(before);
      expect(await databaseState(second)).toEqual(template);
    } finally {
      await second.close();
    }
  });

  it.each([
    ['leaves a trigger disabled', 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only'],
    ['adds a table', 'CREATE TABLE left_behind (id int)'],
    ['deletes rows of a large template table', `DELETE FROM lsoa WHERE code IN (SELECT code FROM lsoa LIMIT 3)`],
  ])('is a new one after a file that %s', async (_what, change) => {
    const first = await createTestDatabase();
    const template = await databaseState(first);
    await first.sql.exec(change);
    const before = pooledPgliteCounts();
    await first.close();

    const second = await createTestDatabase();
    try {
      if (testBackend === 'pglite') expect(pooledPgliteCounts().retired).toBe(before.retired + 1);
      expect(await databaseState(second)).toEqual(template);
    } finally {
      await second.close();
    }
  });
});

if (testBackend === 'postgres') {
  describe('a PostgreSQL database handle', () => {
    it('has ended every connection of its pool when close() returns', async () => {
      const db = await createTestDatabase();
      try {
        const [row] = await db.sql.query<{ name: string }>('SELECT current_database() AS name');
        const url = new URL(process.env.TEST_DATABASE_URL ?? '');
        url.pathname = `/${row?.name}`;
        url.searchParams.set('application_name', 'lantern-close-test');
        const second = await openDatabase({ databaseUrl: url.toString() });
        // Several connections at once (the pool opens one for each query in flight), each with temporary
        // tables that its server process drops as it exits: an exit slow enough to be seen.
        const temporaryTables = `DO $$ BEGIN
            FOR i IN 1..100 LOOP EXECUTE format('CREATE TEMPORARY TABLE lantern_close_%s (id int)', i); END LOOP;
            PERFORM pg_sleep(0.05);
          END $$`;
        await Promise.all(Array.from({ length: 6 }, () => second.sql.exec(temporaryTables)));
        const open = async () =>
          (
            await db.sql.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'lantern-close-test'`,
            )
          )[0]?.n;
        expect(await open()).toBeGreaterThan(1);
        await second.close();
        // At once, as a test's teardown drops its database or a server stops after close(): pg-pool's
        // own end() returned while its connections were still open, and the drop then terminated
        // them ("idle PostgreSQL connection closed" warnings).
        expect(await open()).toBe(0);
      } finally {
        await db.close();
      }
    });
  });
}
