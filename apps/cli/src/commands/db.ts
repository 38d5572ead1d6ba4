import { type Database, databaseStatus, dropEverything, migrateAndLoad, startPoliceUkReaders } from '@lantern/db';
import { addDays, londonDate } from '@lantern/domain';
import { loadedSyntheticDataset, seedDatabase, seedStages } from '@lantern/seed';
import { DEFAULT_SEED, DEMO_PASSWORD, demoUsers, generateDataset } from '@lantern/synth';
import type { Io } from '../io.ts';
import { startProgress } from '../progress.ts';
import { importBundledPoliceUk } from './import.ts';

export async function dbMigrate(db: Database, io: Io): Promise<void> {
  const { migrations, boundaries } = await migrateAndLoad(db);
  io.out(
    migrations.applied.length === 0
      ? `migrations: up to date (${migrations.total} applied) on ${db.backend}`
      : `migrations: applied ${migrations.applied.join(', ')} on ${db.backend}`,
  );
  for (const [file, rows] of Object.entries(boundaries.loaded)) io.out(`boundaries: loaded ${rows} from ${file}`);
}

export interface SeedOptions {
  scale: 'county' | 'national';
  seed: number;
  /** The dataset's last day (YYYY-MM-DD); default the synth's fixed one, so figures reproduce. */
  periodEnd?: string | undefined;
}

export async function dbSeed(db: Database, options: SeedOptions, io: Io): Promise<void> {
  await migrateAndLoad(db);
  await seedMigrated(db, options, io);
}

/** Seeds a migrated database and says what it did, then the demo accounts. */
async function seedMigrated(db: Database, options: SeedOptions, io: Io): Promise<void> {
  const started = performance.now();
  // The police.uk months follow a county seed: their reader thread starts now, ready by then.
  if (options.scale === 'county') startPoliceUkReaders();
  const dataset = generateDataset({ seed: options.seed, scale: options.scale, periodEnd: options.periodEnd });
  // On stderr, so stdout keeps only the result: a national seed takes about a minute.
  const progress = startProgress({ label: 'seed', total: seedStages.length, io });
  let report: Awaited<ReturnType<typeof seedDatabase>>;
  try {
    report = await seedDatabase(db.sql, dataset, ({ stage, stageIndex, rows }) => {
      if (stage !== 'done') progress.update(stageIndex, rows, stage);
    });
  } finally {
    progress.stop();
  }
  if (report.status === 'already-seeded') {
    io.out(`seed: already seeded (${report.marker}); nothing to do`);
  } else {
    const counts = Object.entries(report.counts)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    io.out(`seed: ${report.marker} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts}`);
  }
  // Real police.uk months for the demo map; already there when the seed was.
  if (report.status === 'seeded' && options.scale === 'county') await importBundledPoliceUk(db, io);
  printDemoAccounts(io);
}

function printDemoAccounts(io: Io): void {
  io.out('');
  io.out('Demo accounts (synthetic data only; never use these credentials anywhere real):');
  for (const user of demoUsers()) {
    const scope = user.districtCodes.length > 0 ? user.districtCodes.join(' ') : 'no district scope';
    io.out(`  ${user.email.padEnd(40)} ${user.roles.join(', ').padEnd(22)} ${scope}`);
  }
  io.out(`  password for every demo account: ${DEMO_PASSWORD}`);
}

/**
 * The demo's data, for `lantern start`: the county seed ending yesterday (London), so the
 * coordinator's interviews due, the current quarter, the children still missing and the next NSD
 * meeting's agenda read as a live county would, not as one frozen at the synth's fixed date.
 * A database that already holds a synthetic dataset keeps it (start is run again and again).
 */
export async function demoSeed(db: Database, io: Io, now: Date = new Date()): Promise<void> {
  await migrateAndLoad(db);
  const existing = await loadedSyntheticDataset(db.sql);
  if (existing) {
    io.out(`seed: the database already holds ${existing}; kept (\`lantern db reset\` to start again)`);
    printDemoAccounts(io);
    return;
  }
  const yesterday = addDays(londonDate(now), -1);
  await seedMigrated(db, { scale: 'county', seed: DEFAULT_SEED, periodEnd: yesterday }, io);
}

export async function dbReset(db: Database, io: Io): Promise<void> {
  await dropEverything(db.sql);
  io.out(`reset: dropped every Lantern table on ${db.backend}`);
  await dbMigrate(db, io);
}

export async function dbStatus(db: Database, format: 'json' | 'text', io: Io): Promise<void> {
  const status = await databaseStatus(db);
  if (format === 'json') {
    io.out(JSON.stringify(status));
    return;
  }
  io.out(`backend: ${status.backend}`);
  io.out(`migrations applied: ${status.migrations}`);
  for (const [name, count] of Object.entries(status.counts)) io.out(`${name.padEnd(20)} ${count}`);
}
