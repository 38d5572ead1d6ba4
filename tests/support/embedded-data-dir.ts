import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@lantern/db';

/**
 * Scratch directories for the embedded database that start initialised: PGlite's initdb on an
 * empty directory takes some 5 s, opening an initialised one about 1 s, and copying it 0.2 s. One
 * directory is initialised per test process (the unit project's files share their worker's
 * modules) and each scratch directory is a copy of it, as a directory that Lantern had opened
 * and closed before: nothing migrated, no lock left.
 */
let initialised: Promise<string> | undefined;

async function initialise(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'lantern-initialised-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  const dataDir = join(root, 'db');
  const db = await openDatabase({ dataDir });
  await db.close();
  return dataDir;
}

/** A new directory `dir` (remove it after the test) holding a copy of the initialised `dataDir`. */
export async function initialisedDataDir(prefix: string): Promise<{ dir: string; dataDir: string }> {
  initialised ??= initialise();
  // A failed start is not remembered: the next test tries again and reports its own error.
  const source = await initialised.catch((error: unknown) => {
    initialised = undefined;
    throw error;
  });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(dir, 'db');
  cpSync(source, dataDir, { recursive: true });
  return { dir, dataDir };
}
