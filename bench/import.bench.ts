/**
 * police.uk import throughput on both backends: every street CSV in ../shared/data/police-uk
 * (or the files given as arguments), into a fresh database, first import and re-import.
 * PostgreSQL is measured when BENCH_DATABASE_URL is set (an admin URL; a scratch database is
 * created and dropped). Run: pnpm bench:import
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, importPoliceUkFile, migrateAndLoad } from '@lantern/db';
import { onEachBackend } from './scratch-database.ts';

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

await onEachBackend(measure);
