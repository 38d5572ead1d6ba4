/**
 * Seed generation and load times: county (default) or national (`--scale national`, 1M+ crime
 * points), on PGlite and, with BENCH_DATABASE_URL, PostgreSQL. Run: pnpm bench:seed [--scale national]
 */
import { type Database, migrateAndLoad } from '@lantern/db';
import { seedDatabase } from '@lantern/seed';
import { generateDataset } from '@lantern/synth';
import { onEachBackend } from './scratch-database.ts';

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

await onEachBackend(measure);
