import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The CLI package's bin (`lantern` on a PATH). pnpm links it at install, before anything is
 * built, so it is a committed launcher for `dist/main.js` rather than that file itself (pnpm
 * warned on every fresh install that the bin's target did not exist). Run from a copy of the
 * package's layout, with and without a build.
 */
const root = resolve(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
const launcher = join(root, 'apps/cli', packageJson.bin.lantern ?? '');
const scratch: string[] = [];

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the package's bin beside a `dist/` holding `main` (or no dist at all). */
function packageCopy(main?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-bin-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'bin'));
  copyFileSync(launcher, join(dir, 'bin', 'lantern.mjs'));
  if (main !== undefined) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'main.js'), main);
  }
  return join(dir, 'bin', 'lantern.mjs');
}

describe('the lantern bin', () => {
  it('is a file in the repository, not the build', () => {
    expect(packageJson.bin.lantern).toBe('./bin/lantern.mjs');
    expect(readFileSync(launcher, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs the built CLI with the arguments given, and its exit code', () => {
    const bin = packageCopy(
      "process.stdout.write(JSON.stringify(process.argv.slice(2)) + '\\n'); process.exitCode = 3;\n",
    );
    const result = spawnSync(process.execPath, [bin, 'db', 'status', '--format', 'json'], { encoding: 'utf8' });
    expect([result.status, result.stdout, result.stderr]).toEqual([3, '["db","status","--format","json"]\n', '']);
  });

  it('says how to run the CLI when the checkout has not been built, and exits 2', () => {
    const result = spawnSync(process.execPath, [packageCopy(), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'lantern: the CLI is not built in this checkout: run `pnpm build` first, or `pnpm lantern <command>` from the repository\n',
    );
  });
});
