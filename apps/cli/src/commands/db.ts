import { type Database, databaseStatus, dropEverything, migrateAndLoad, seedDatabase } from '@lantern/db';
import { generateDataset } from '@lantern/synth';
import type { Io } from '../io.ts';
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
}

export async function dbSeed(db: Database, options: SeedOptions, io: Io): Promise<void> {
  await migrateAndLoad(db);
  const started = performance.now();
  const dataset = generateDataset({ seed: options.seed, scale: options.scale });
  const report = await seedDatabase(db.sql, dataset);
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
  io.out('');
  io.out('Demo accounts (synthetic data only; never use these credentials anywhere real):');
  for (const user of dataset.users) {
    const scope = user.districtCodes.length > 0 ? user.districtCodes.join(' ') : 'no district scope';
    io.out(`  ${user.email.padEnd(40)} ${user.roles.join(', ').padEnd(22)} ${scope}`);
  }
  io.out(`  password for every demo account: ${dataset.users[0]?.password ?? '(none)'}`);
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
