/**
 * police.uk import throughput on both backends: every street CSV in ../shared/data/police-uk
 * (or the files given as arguments), into a fresh database, first import and re-import.
 * PostgreSQL is measured when BENCH_DATABASE_URL is set (an admin URL; a scratch database is
 * created and dropped). Run: pnpm bench:import
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, importPoliceUkFile, migrateAndLoad, openDatabase } from '@lantern/db';
import pg from 'pg';

const shared = new URL('../../shared/data/police-uk/', import.meta.url).pathname;
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(shared)
        .filter((name) => name.endsWith('-street.csv'))
        .map((name) => join(shared, name));

async function measure(label: string, db: Database) {
  await migrateAndLoad(db);
  for (const pass of ['first import', 're-import']) {
    let rows = 0;
    const started = performance.now();
    for (const file of files) rows += (await importPoliceUkFile(db.sql, file)).rows;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(9)} ${pass.padEnd(12)} ${String(rows).padStart(7)} rows  ${seconds.toFixed(2).padStart(6)} s  ${Math.round(rows / seconds)} rows/s`,
    );
  }
  await db.close();
}

await measure('pglite', await openDatabase({ inMemory: true }));

const adminUrl = process.env.BENCH_DATABASE_URL;
if (adminUrl) {
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
} else {
  console.log('postgres  (skipped: set BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres)');
}
