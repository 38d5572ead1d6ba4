import { createServer, readApiEnv } from '@lantern/api';
import { type Database, maintainTables, type Sql } from '@lantern/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The embedded database has no autovacuum, so Lantern analyzes and vacuums its tables itself:
 * the CLI before it closes the database, the server on a timer. The pass works on both backends;
 * the server runs it only on the embedded one.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query('CREATE TABLE maintenance_probe (n int PRIMARY KEY, label text NOT NULL)');
});
afterAll(async () => {
  await db.sql.query('DROP TABLE IF EXISTS maintenance_probe, maintenance_fresh, maintenance_served');
  await db.close();
});
beforeEach(async () => {
  await db.sql.query('TRUNCATE maintenance_probe');
  // Whatever the template or an earlier test left due, so each test sees only its own changes.
  await maintainTables(db.sql);
});

/** Runs `statement` and has its change counters reported now, as a finished session's would be. */
async function change(statement: string): Promise<void> {
  await db.sql.transaction(async (tx: Sql) => {
    await tx.query(statement);
    await tx.query('SELECT pg_stat_force_next_flush()');
  });
}

async function probeStatistics(table = 'maintenance_probe') {
  const [row] = await db.sql.query<{ reltuples: number; analyzed: boolean; dead: number }>(
    `SELECT c.reltuples::float8 AS reltuples, s.n_dead_tup::int AS dead,
            EXISTS (SELECT 1 FROM pg_stats p WHERE p.tablename = $1 AND p.attname = 'label') AS analyzed
     FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = $1`,
    [table],
  );
  return row;
}

const fill = (from: number, to: number) =>
  `INSERT INTO maintenance_probe (n, label) SELECT g, 'row ' || g FROM generate_series(${from}, ${to}) g`;

describe('maintainTables', () => {
  it('analyzes a table once more than a tenth of it changed, and leaves it until more does', async () => {
    await change(fill(1, 5000));
    expect((await maintainTables(db.sql)).analyzed).toContain('maintenance_probe');
    expect(await probeStatistics()).toMatchObject({ reltuples: 5000, analyzed: true });

    // 300 more rows are under 50 + a tenth of 5,000: not yet.
    await change(fill(5001, 5300));
    const { analyzed, vacuumed } = await maintainTables(db.sql);
    expect([...analyzed, ...vacuumed]).not.toContain('maintenance_probe');
    await change(fill(5301, 6000));
    expect((await maintainTables(db.sql)).analyzed).toContain('maintenance_probe');
    expect((await probeStatistics())?.reltuples).toBe(6000);
  });

  it('vacuums a table whose deleted rows outnumber a fifth of it', async () => {
    await change(fill(1, 5000));
    await maintainTables(db.sql);
    await change('DELETE FROM maintenance_probe WHERE n <= 3000');
    expect((await probeStatistics())?.dead).toBe(3000);
    expect((await maintainTables(db.sql)).vacuumed).toContain('maintenance_probe');
    expect(await probeStatistics()).toMatchObject({ reltuples: 2000, dead: 0 });
  });

  it('finds a table that grew, or was never analyzed, when the change counters were lost (a restart)', async () => {
    await change(fill(1, 2000));
    await maintainTables(db.sql);
    await change(fill(2001, 6000));
    await db.sql.query(
      'CREATE TABLE maintenance_fresh AS SELECT g AS n, g::text AS label FROM generate_series(1, 100) g',
    );
    // PGlite forgets its counters when it closes; this is what a reopened database sees.
    await db.sql.query('SELECT pg_stat_reset()');
    const { analyzed } = await maintainTables(db.sql);
    expect(analyzed).toEqual(expect.arrayContaining(['maintenance_fresh', 'maintenance_probe']));
    expect((await probeStatistics())?.reltuples).toBe(6000);
    expect((await probeStatistics('maintenance_fresh'))?.analyzed).toBe(true);
  });
});

it('the server maintains the embedded database on a timer, and leaves PostgreSQL to its autovacuum', async () => {
  // A table no session has analyzed yet.
  await change('CREATE TABLE maintenance_served AS SELECT g AS n, g::text AS label FROM generate_series(1, 5000) g');
  const app = await createServer({
    db,
    env: readApiEnv({ NODE_ENV: 'test', LANTERN_EMBEDDED_MAINTENANCE_MS: '100' }),
  });
  try {
    const deadline = Date.now() + 10_000;
    let lastAnalyze: string | null = null;
    // Five rounds' worth at least on PostgreSQL; on PGlite until the first round has run.
    const earliest = Date.now() + 600;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [row] = await db.sql.query<{ last_analyze: string | null }>(
        `SELECT last_analyze::text FROM pg_stat_user_tables WHERE relname = 'maintenance_served'`,
      );
      lastAnalyze = row?.last_analyze ?? null;
      if (lastAnalyze !== null || (db.backend === 'postgres' && Date.now() > earliest)) break;
    }
    // last_analyze is set by ANALYZE run by a session, never by autovacuum (last_autoanalyze).
    expect(lastAnalyze !== null).toBe(db.backend === 'pglite');
  } finally {
    await app.close();
  }
});
