import { chmodSync, createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { postgis } from '@electric-sql/pglite-postgis';
import { extract } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slimBundleFor, slimPostgis } from './postgis-bundle.ts';

/**
 * The slim PostGIS bundle: written once into a directory only this user may write, with the
 * library, scripts and PROJ data PostGIS needs and without raster, topology or the geocoder.
 * (Every integration test opens PGlite with it: the migrations' CREATE EXTENSION postgis and the
 * transforms run against it.)
 */
async function packageBundle(): Promise<URL> {
  const { bundlePath } = await postgis.setup({} as never, { PGLITE_ENV: {} });
  if (!bundlePath) throw new Error('the postgis package names no bundle');
  return bundlePath;
}

async function entryNames(bundle: URL): Promise<string[]> {
  const names: string[] = [];
  const unpacked = extract();
  const reading = pipeline(createReadStream(fileURLToPath(bundle)), createGunzip(), unpacked);
  for await (const entry of unpacked) {
    names.push(entry.header.name);
    entry.resume();
  }
  await reading;
  return names;
}

let scratch: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'lantern-bundle-test-'));
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(scratch, { recursive: true, force: true });
});

describe('the slim PostGIS bundle', () => {
  it('keeps the postgis library, its scripts and PROJ data, and drops raster, topology and the geocoder', async () => {
    const source = await packageBundle();

    const slim = await slimBundleFor(source);

    expect(fileURLToPath(slim).startsWith(scratch)).toBe(true);
    const names = await entryNames(slim);
    expect(names).toContain('lib/postgresql/postgis-3.so');
    expect(names).toContain('share/proj/proj.db');
    expect(names).toContain('share/postgresql/extension/postgis.control');
    expect(names.some((name) => /^share\/postgresql\/extension\/postgis--\d+\.\d+\.\d+\.sql$/.test(name))).toBe(true);
    expect(names.filter((name) => /raster|topology|tiger|unpackaged/.test(name))).toEqual([]);
    expect(statSync(fileURLToPath(slim)).size).toBeLessThan(statSync(fileURLToPath(source)).size / 2);
    // Written once: the second call finds it.
    const written = statSync(fileURLToPath(slim)).mtimeMs;
    expect(await slimBundleFor(source)).toEqual(slim);
    expect(statSync(fileURLToPath(slim)).mtimeMs).toBe(written);
    expect(readdirSync(join(fileURLToPath(slim), '..')).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('gives PGlite the slim bundle, and writes it again if it has gone since', async () => {
    const setup = () => slimPostgis.setup({} as never, { PGLITE_ENV: {} });
    const { bundlePath: first } = await setup();
    if (!first) throw new Error('no bundle');
    expect(fileURLToPath(first).startsWith(scratch)).toBe(true);
    rmSync(fileURLToPath(first));

    const { bundlePath: again } = await setup();

    expect(again).toEqual(first);
    expect(existsSync(fileURLToPath(first))).toBe(true);
  });

  it('uses the package’s own bundle when the cache directory is writable by others', async () => {
    const source = await packageBundle();
    const first = await slimBundleFor(source);
    const directory = join(fileURLToPath(first), '..');
    rmSync(fileURLToPath(first));
    chmodSync(directory, 0o777);

    expect(await slimBundleFor(source)).toEqual(source);
  });
});
