import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initialisedDataDir } from '../support/embedded-data-dir.ts';

/**
 * One owner per embedded data directory, with real processes: a second `lantern` process on a
 * directory that a live process holds is refused and told who holds it; a holder killed with
 * SIGKILL leaves a lock that does not block the next start.
 */
const root = resolve(import.meta.dirname, '../..');
// Plain node with tsx's loader, not the tsx launcher: the launcher runs the script in a child
// process, and SIGKILL must reach the process that owns the database.
const holderScript = join(root, 'tests/support/hold-embedded-database.ts');
const cli = join(root, 'apps/cli/src/main.ts');

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** An initialised data directory of the test's own (PGlite's initdb is not what is tested here). */
async function scratchDataDir(): Promise<string> {
  const { dir, dataDir } = await initialisedDataDir('lantern-owner-');
  dirs.push(dir);
  return dataDir;
}

/** Starts a process that opens `dataDir` and resolves with it once it owns the database. */
function holdDatabase(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolveOpen, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().startsWith('open ')) resolveOpen(child);
    });
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code} before opening: ${stderr}`)));
  });
}

function lantern(dataDir: string, ...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...env, LANTERN_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolveExit) => child.once('exit', () => resolveExit()));
}

describe('the embedded database has one owner process', () => {
  it('refuses a second process on a held directory, naming the holder and what to do', async () => {
    const dataDir = await scratchDataDir();
    const holder = await holdDatabase(dataDir);

    const second = lantern(dataDir, 'db', 'status', '--format', 'json');

    expect(second.status).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain(`is in use by process ${holder.pid} (`);
    expect(second.stderr).toContain('hold-embedded-database.ts');
    expect(second.stderr).toContain('Only one process at a time may open it: stop that process and run this again');
  });

  it('lets the next process start at once after the holder was killed with SIGKILL', async () => {
    const dataDir = await scratchDataDir();
    const holder = await holdDatabase(dataDir);
    const gone = exited(holder);
    holder.kill('SIGKILL');
    await gone;
    expect(existsSync(`${dataDir}.lock`)).toBe(true);

    const next = lantern(dataDir, 'db', 'status', '--format', 'json');

    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ backend: 'pglite' });
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('releases the directory when the owner closes it, so the next process opens it', async () => {
    const dataDir = await scratchDataDir();
    const holder = await holdDatabase(dataDir);
    const gone = exited(holder);
    holder.kill('SIGTERM');
    await gone;
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    const next = lantern(dataDir, 'db', 'status', '--format', 'json');

    expect(next.status).toBe(0);
  });
});
