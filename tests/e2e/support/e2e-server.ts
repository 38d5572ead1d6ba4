import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, readApiEnv } from '@lantern/api';
import { type Database, importPoliceUkFile, migrateAndLoad, openDatabase, shippedPath } from '@lantern/db';
import { seedDatabase } from '@lantern/seed';
import { DEFAULT_SEED, generateDataset } from '@lantern/synth';
import type { FastifyInstance } from 'fastify';

/**
 * What the browser tests run against: the built web app, served by the real server, on a fresh
 * in-memory PGlite database with the county seed. Also used by bench/web.bench.ts.
 */
export const repositoryRoot = join(import.meta.dirname, '..', '..', '..');
export const webDist = join(repositoryRoot, 'apps', 'web', 'dist');

/**
 * Builds apps/web (about two seconds), so the tests never run against a stale build: the production
 * build users get. The test runner's NODE_ENV=test would otherwise give React's development build,
 * slower in every render.
 */
export function buildWebApp(): void {
  const result = spawnSync('pnpm', ['--filter', '@lantern/web', 'run', 'build'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0 || !existsSync(join(webDist, 'index.html'))) {
    throw new Error(`building apps/web failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface E2eServer {
  baseUrl: string;
  db: Database;
  app: FastifyInstance;
  /** The seeded database as a PGlite template (a gzipped data directory). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
}

export interface E2eServerOptions {
  /** Start from this template (see `dumpDataDir`) instead of migrating and seeding. */
  template?: Blob | undefined;
}

export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  const db = options.template
    ? await openDatabase({ loadDataDir: options.template })
    : await seededDatabase(await openDatabase({ inMemory: true }));
  const app = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }), webRoot: webDist });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    baseUrl: address,
    db,
    app,
    async dumpDataDir() {
      if (!db.dumpDataDir) throw new Error('the e2e database cannot be dumped: it is not PGlite');
      return db.dumpDataDir();
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

async function seededDatabase(db: Database): Promise<Database> {
  await migrateAndLoad(db);
  await seedDatabase(db.sql, generateDataset({ seed: DEFAULT_SEED, scale: 'county' }));
  // One month of real police.uk street crime, as `lantern start` imports: the crime layer has data.
  await importPoliceUkFile(db.sql, shippedPath(join('data', 'police-uk', '2024-01-nottinghamshire-street.csv')));
  return db;
}
