import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '@lantern/domain';
import lockfile from 'proper-lockfile';

/**
 * The embedded database has exactly one owner process. PGlite keeps the whole database in the
 * process's memory and writes it back to the data directory, so a second process on the same
 * directory sees none of the first one's writes and overwrites them: acknowledged records vanish
 * and the audit chain breaks. The owner holds `<dataDir>.lock` (proper-lockfile: an atomic mkdir,
 * its mtime refreshed while the owner lives) and writes who it is beside it, so that a refused
 * process can say what holds the database.
 *
 * A lock left by a process that was killed is taken over at once when its pid is gone (or now
 * belongs to a process that started later); otherwise proper-lockfile treats it as stale once its
 * mtime is older than `staleMs`.
 */
export interface DataDirOwner {
  pid: number;
  command: string;
  startedAt: string;
  /** Linux: the process's start time in clock ticks since boot (tells a reused pid apart). */
  processStart: string | null;
}

const staleMs = 30_000;

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const directory = resolve(dataDir);
  const lockPath = `${directory}.lock`;
  const ownerPath = `${directory}.owner.json`;
  const options = {
    lockfilePath: lockPath,
    stale: staleMs,
    realpath: false,
    // The owner's event loop can be busy for seconds (a national seed); losing the lock then must
    // not crash it. Another process only takes a lock whose owner is dead or silent for staleMs.
    onCompromised: (error: Error) => process.emitWarning(`database lock ${lockPath}: ${error.message}`),
  };
  try {
    const release = await lockfile.lock(directory, options);
    return own(release, ownerPath);
  } catch (error) {
    if (!isLockedError(error)) throw error;
    const owner = readOwner(ownerPath);
    if (owner !== null && !isAlive(owner)) {
      // The previous owner was killed: its lock is ours to take, without waiting for staleMs.
      rmSync(lockPath, { recursive: true, force: true });
      const release = await lockfile.lock(directory, options).catch((retry: unknown) => {
        throw isLockedError(retry) ? heldBy(directory, readOwner(ownerPath)) : retry;
      });
      return own(release, ownerPath);
    }
    throw heldBy(directory, owner);
  }
}

function own(release: () => Promise<void>, ownerPath: string): () => Promise<void> {
  const me: DataDirOwner = {
    pid: process.pid,
    command: process.argv.join(' '),
    startedAt: new Date().toISOString(),
    processStart: processStart(process.pid),
  };
  writeFileSync(ownerPath, `${JSON.stringify(me)}\n`);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    rmSync(ownerPath, { force: true });
    await release().catch(() => undefined);
  };
}

function isLockedError(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ELOCKED';
}

function readOwner(ownerPath: string): DataDirOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(ownerPath, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && 'pid' in parsed && typeof parsed.pid === 'number') {
      return parsed as DataDirOwner;
    }
    return null;
  } catch {
    return null;
  }
}

function isAlive(owner: DataDirOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The pid is in use: by the owner, or by a later process that was given the same pid.
  const start = processStart(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name in field 2 may hold spaces, so count after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function heldBy(directory: string, owner: DataDirOwner | null): AppError {
  const who =
    owner === null ? 'another process' : `process ${owner.pid} (${owner.command}), running since ${owner.startedAt}`;
  return new AppError(
    'CONFLICT',
    `The embedded database ${directory} is in use by ${who}. Only one process at a time may open it: ` +
      'stop that process and run this again (a missing-episodes CSV can instead be imported in the running ' +
      "server's web app, on the Missing children page), or set DATABASE_URL to a PostgreSQL server, which " +
      'several processes can share.',
  );
}
