import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@lantern/db';
import pg from 'pg';

/**
 * Runs a benchmark on the embedded database and, when BENCH_DATABASE_URL (an admin URL) is set,
 * on a scratch PostgreSQL database created for the run and dropped after it. BENCH_BACKENDS
 * (`pglite`, `postgres`, or both, comma-separated) runs only those, to measure one backend again.
 */
export async function onEachBackend(
  measure: (label: string, db: Database) => Promise<void>,
  options: {
    /**
     * PGlite on a scratch data directory, as Lantern's embedded default keeps its database (the
     * CLI's and the server's `./.lantern/db`), rather than in memory, where a growing table file is
     * copied whole each time it outgrows its buffer.
     */
    pgliteOnDisk?: boolean;
  } = {},
): Promise<void> {
  const backends = chosenBackends(process.env.BENCH_BACKENDS);
  if (!backends.has('pglite')) console.log('pglite    (skipped: BENCH_BACKENDS leaves it out)');
  else if (options.pgliteOnDisk) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lantern-bench-pglite-'));
    try {
      await measure('pglite', await openDatabase({ dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  } else await measure('pglite', await openDatabase({ inMemory: true }));
  if (!backends.has('postgres')) return;
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.log('postgres  (skipped: set BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres)');
    return;
  }
  const name = `lantern_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await measure('postgres', await openDatabase({ databaseUrl: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

type Backend = 'pglite' | 'postgres';

function chosenBackends(list: string | undefined): Set<Backend> {
  if (!list) return new Set(['pglite', 'postgres']);
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => name !== 'pglite' && name !== 'postgres');
  if (unknown.length > 0) throw new Error(`BENCH_BACKENDS: no backend ${unknown.join(', ')} (pglite, postgres)`);
  return new Set(names as Backend[]);
}
