import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Database, openDatabase } from '@lantern/db';
import { seedDatabase } from '@lantern/seed';
import { DEFAULT_SEED, generateDataset, type SyntheticDataset } from '@lantern/synth';
import { inject } from 'vitest';
import { clonePostgresDatabase, createTestDatabase, testBackend } from './test-database.ts';

/**
 * The synthetic county and databases seeded with it, built once per test run and seed rather than
 * once per test file (generating takes seconds, seeding more). The first worker to need a seed
 * seeds a database and leaves it in the run's seed directory (tests/support/global-setup.ts) as a
 * template: PGlite's dumped data directory, or a PostgreSQL database's name. Other workers wait
 * for it rather than seed again; files in a worker share its generated datasets (`isolate: false`).
 *
 * Each call still returns a database of its own, copied from the template (PGlite: the dump loaded
 * afresh; PostgreSQL: CREATE DATABASE … TEMPLATE), so no file sees another's writes. The dataset
 * is deeply frozen: a test that tried to change the shared copy would throw.
 */
const datasets = new Map<number, SyntheticDataset>();
const templates = new Map<number, Promise<string>>();

/** `generateDataset({ seed })` (county scale, default period), generated once per worker. */
export function syntheticDataset(seed: number = DEFAULT_SEED): SyntheticDataset {
  let dataset = datasets.get(seed);
  if (!dataset) {
    dataset = deepFreeze(generateDataset({ seed }));
    datasets.set(seed, dataset);
  }
  return dataset;
}

/** A fresh database holding `seedDatabase(syntheticDataset(seed))`; call `close()` in afterAll. */
export async function createSeededTestDatabase(seed: number = DEFAULT_SEED): Promise<Database> {
  let template = templates.get(seed);
  if (!template) {
    template = sharedTemplate(seed);
    templates.set(seed, template);
    // A failed build is not remembered: the next file tries again and reports its own error.
    template.catch(() => templates.delete(seed));
  }
  const built = await template;
  if (testBackend === 'pglite') return openDatabase({ loadDataDir: new Blob([readFileSync(built)]) });
  return clonePostgresDatabase(built, `lantern_test_${randomBytes(6).toString('hex')}`, true);
}

/**
 * The template for `seed`: a PGlite dump's path or a PostgreSQL database's name. One worker claims
 * the build with an exclusive lock file; the others poll until the result appears, or until the
 * lock goes without one (the build failed), when they build it themselves.
 */
async function sharedTemplate(seed: number): Promise<string> {
  const dir = inject('lanternSeedDir');
  const result = join(dir, `seed-${seed}.${testBackend === 'pglite' ? 'tar' : 'name'}`);
  const lock = join(dir, `seed-${seed}.lock`);
  for (;;) {
    if (existsSync(result)) return testBackend === 'pglite' ? result : readFileSync(result, 'utf8');
    let claimed: number | undefined;
    try {
      claimed = openSync(lock, 'wx');
    } catch {
      await sleep(250);
      continue;
    }
    closeSync(claimed);
    try {
      const partial = `${result}.${process.pid}`;
      writeFileSync(partial, await buildTemplate(seed));
      renameSync(partial, result);
    } finally {
      rmSync(lock, { force: true });
    }
  }
}

/** Seeds a new database; returns the PGlite dump's bytes or the PostgreSQL database's name. */
async function buildTemplate(seed: number): Promise<Uint8Array | string> {
  const dataset = syntheticDataset(seed);
  if (testBackend === 'pglite') {
    const db = await createTestDatabase();
    try {
      await seedDatabase(db.sql, dataset);
      const dump = await db.dumpDataDir?.();
      if (!dump) throw new Error('the PGlite backend cannot dump its data directory');
      return new Uint8Array(await dump.arrayBuffer());
    } finally {
      await db.close();
    }
  }
  // Named after the run's template, so the global setup's teardown drops it with the rest.
  const name = `${inject('lanternTemplate')}_seed${seed}_${randomBytes(4).toString('hex')}`;
  const db = await clonePostgresDatabase(inject('lanternTemplate'), name, false);
  try {
    await seedDatabase(db.sql, dataset);
  } finally {
    await db.close();
  }
  return name;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
