import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { first100Sample } from '../support/police-uk-files.ts';

/**
 * The CLI as the README's `pnpm build` makes it (`node apps/cli/dist/main.js`): built with its
 * own tsup configuration, then run as a user would, on a fresh embedded database. The bundle
 * leaves the packages with native or WebAssembly files external and carries the analytics worker
 * and the police.uk import's reader beside main.js; a mistake in any only shows in the built file.
 */
const root = resolve(import.meta.dirname, '../..');
const cliDir = join(root, 'apps/cli');
// Inside apps/cli, so that the external packages resolve from its node_modules as they do from dist.
const outDir = join(cliDir, 'node_modules/.cache', `lantern-bundle-test-${process.pid}`);
const scratch = mkdtempSync(join(tmpdir(), 'lantern-bundle-'));
const dataDir = join(scratch, 'db');
const children: ChildProcess[] = [];
// The embedded database in the scratch directory, whatever database the shell running the tests names.
const { DATABASE_URL: _database, LANTERN_READ_REPLICA_URL: _replica, ...inherited } = process.env;
const env = { ...inherited, LANTERN_DATA_DIR: dataDir, LANTERN_LOG_LEVEL: 'warn' };

/** Runs node to the end, as the single-owner test runs the CLI (hot spots' JSON is a few MB). */
function node(args: string[], cwd = scratch) {
  return spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 2 ** 20 });
}

const lantern = (...args: string[]) => node([join(outDir, 'main.js'), ...args]);

beforeAll(() => {
  const tsup = join(createRequire(join(cliDir, 'package.json')).resolve('tsup/package.json'), '../dist/cli-default.js');
  // From apps/cli, where its configuration and the entries it names are.
  const built = node([tsup, '--out-dir', outDir, '--silent'], cliDir);
  if (built.status !== 0) throw new Error(`tsup failed (${built.status}): ${built.stderr}`);
}, 120_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('the built CLI (node apps/cli/dist/main.js)', () => {
  it('migrates a fresh embedded database, imports, finds hot spots in its worker, refuses bad input and serves', async () => {
    const help = lantern('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: lantern');

    const migrated = lantern('db', 'migrate');
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toContain('boundaries: loaded 8 from data/nottinghamshire-districts.geojson');

    // Read on the reader thread: the bundle's police-uk-read-worker.js.
    const imported = lantern('import', 'police-uk', first100Sample);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/: 100 rows \(100 new, 0 updated, 0 unchanged/);

    // Getis-Ord runs in the analytics pool's worker thread: the bundle's analytics-worker.js.
    // The same answer as the CLI run from its TypeScript sources, on the same database.
    const hotspotArgs = ['hotspots', '--source', 'police-uk', '--format', 'json'];
    const hotspots = lantern(...hotspotArgs);
    expect(hotspots.status).toBe(0);
    const cells = (JSON.parse(hotspots.stdout) as { cells: { count: number }[] }).cells;
    expect(cells.reduce((sum, cell) => sum + cell.count, 0)).toBeGreaterThan(0);
    // From the repository, where tsx's loader resolves.
    const fromSources = node(['--import', 'tsx', join(cliDir, 'src/main.ts'), ...hotspotArgs], root);
    expect([fromSources.status, fromSources.stderr]).toEqual([0, '']);
    expect(hotspots.stdout).toBe(fromSources.stdout);

    const missing = join(scratch, 'missing.csv');
    const refused = lantern('import', 'police-uk', missing);
    expect([refused.status, refused.stderr.trim()]).toEqual([
      2,
      `error: ${missing}: no such file or directory\nnothing was imported`,
    ]);

    const status = lantern('db', 'status', '--format', 'json');
    expect(JSON.parse(status.stdout)).toMatchObject({ backend: 'pglite', counts: { crimeEvents: 100 } });

    const server = spawn(process.execPath, [join(outDir, 'main.js'), 'serve', '--port', '0'], {
      cwd: scratch,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(server);
    const line = await new Promise<string>((found, failed) => {
      server.once('exit', (code) => failed(new Error(`serve exited (code ${code}) before it listened`)));
      createInterface({ input: server.stdout }).on('line', (text) => {
        if (text.startsWith('Lantern is listening on')) found(text);
      });
    });
    const address = line.match(/on (http:\/\/\S+)/)?.[1];
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
