/**
 * Seed generation and load times: county (default) or national (`--scale national`, 1M+ crime
 * points), on PGlite and, with BENCH_DATABASE_URL, PostgreSQL. Run: pnpm bench:seed [--scale national]
 */
import { type Database, migrateAndLoad, openDatabase, seedDatabase } from '@lantern/db';
import { generateDataset } from '@lantern/synth';
import pg from 'pg';

const scale = process.argv.includes('national') ? 'national' : 'county';

async function measure(label: string, db: Database) {
  await migrateAndLoad(db);
  let started = performance.now();
  const dataset = generateDataset({ scale });
  const generated = (performance.now() - started) / 1000;
  started = performance.now();
  const report = await seedDatabase(db.sql, dataset);
  const loaded = (performance.now() - started) / 1000;
  const rows = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
  console.log(
    `${label.padEnd(9)} ${scale.padEnd(9)} generate ${generated.toFixed(1)} s, load ${rows} rows in ${loaded.toFixed(1)} s (${Math.round(rows / loaded)} rows/s)`,
  );
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
}
