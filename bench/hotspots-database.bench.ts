/**
 * The whole `lantern hotspots` path at national-seed scale: seed 1M+ synthetic crime points into a
 * scratch database (PGlite and, with BENCH_DATABASE_URL, PostgreSQL), then time analyseHotspots
 * (read the events grouped by snapped point and projected to EPSG:27700, lay the grid, count,
 * Gi*, FDR) for every district; and, for comparison, reading the events one by one.
 * Run: pnpm tsx bench/hotspots-database.bench.ts
 */
import { analyseHotspots } from '@lantern/app';
import { type Database, hotspotEventPoints, hotspotEvents, migrateAndLoad } from '@lantern/db';
import { districtCodes } from '@lantern/domain';
import { seedDatabase } from '@lantern/seed';
import { generateDataset } from '@lantern/synth';
import { onEachBackend } from './scratch-database.ts';

async function measure(label: string, db: Database) {
  await migrateAndLoad(db);
  await seedDatabase(db.sql, generateDataset({ scale: 'national' }));
  const query = { source: 'police-uk' as const, districtCodes: [...districtCodes] };
  const runs: { rows: number; grouped: number; points: number; whole: number; events: number }[] = [];
  for (let run = 0; run < 3; run++) {
    let started = performance.now();
    const points = await hotspotEventPoints(db.prisma, query);
    const grouped = (performance.now() - started) / 1000;
    started = performance.now();
    const { events } = await analyseHotspots({ db }, { ...query, cellSize: 250, band: 750, fdr: true });
    const whole = (performance.now() - started) / 1000;
    started = performance.now();
    // Once is enough for the slow path (it is what hotspots.cell and repeatLocations do, per cell or period).
    const rows = run === 0 ? (await hotspotEvents(db.prisma, query)).length : 0;
    runs.push({
      rows: run === 0 ? (performance.now() - started) / 1000 : Number.NaN,
      grouped,
      points: points.length,
      whole,
      events,
    });
    if (run === 0) console.log(`${label.padEnd(9)} reading ${rows} events one by one: ${runs[0]?.rows.toFixed(1)} s`);
  }
  runs.sort((a, b) => a.whole - b.whole);
  const middle = runs[1];
  console.log(
    `${label.padEnd(9)} ${middle?.events} events in cells as ${middle?.points} snapped points: grouped read ${middle?.grouped.toFixed(2)} s; whole analysis (read, grid, count, Gi*, FDR) ${middle?.whole.toFixed(2)} s (median of 3)`,
  );
  await db.close();
}

await onEachBackend(measure);
