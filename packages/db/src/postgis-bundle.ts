import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { type Extract, extract, type Pack, pack } from 'tar-stream';

/**
 * PostGIS for PGlite without the parts Lantern never loads. The package's bundle (20 MB gzipped,
 * 95 MB unpacked) also holds the raster and topology extensions, whose libraries are 31 MB of
 * WebAssembly, and the tiger geocoder. PGlite unpacks the whole bundle and compiles every library
 * in it each time a database opens: about 1.3 s of a 3 s open on the development machine.
 *
 * The slim bundle keeps what `CREATE EXTENSION postgis` and the functions Lantern calls need: the
 * postgis library, its control file, its install and upgrade scripts, and PROJ's data (for
 * `ST_Transform`). It is written once per PostGIS bundle into a cache directory only this user may
 * write. Anything that stops that (an unwritable or foreign directory) leaves the package's own
 * bundle in use: slower to open, the same database.
 */
export const slimPostgis: Extension = {
  name: 'postgis',
  async setup(pg, emscriptenOpts) {
    const full = await postgis.setup(pg, emscriptenOpts);
    if (!full.bundlePath) return full;
    return { ...full, bundlePath: await slimBundle(full.bundlePath) };
  },
};

/** What the slim bundle keeps. Changing it must change `bundleFormat`, which names the cached file. */
export function keptInSlimBundle(name: string): boolean {
  return (
    name === 'lib/postgresql/postgis-3.so' ||
    name.startsWith('share/proj/') ||
    name === 'share/postgresql/extension/postgis.control' ||
    (name.startsWith('share/postgresql/extension/postgis--') && !name.includes('--unpackaged'))
  );
}
const bundleFormat = 1;

const slimBundles = new Map<string, Promise<URL>>();

async function slimBundle(source: URL): Promise<URL> {
  // Per cache directory too: a process whose TMPDIR changes writes (and finds) the bundle there.
  const key = `${cacheDirectoryPath()}\n${source}`;
  const known = await slimBundles.get(key);
  // A long-running process checks that the file is still there (a cleaner may empty $TMPDIR).
  if (known && existsSync(fileURLToPath(known))) return known;
  const slim = slimBundleFor(source);
  slimBundles.set(key, slim);
  return slim;
}

/** The slim bundle made from `source`, written if it is not cached yet; `source` itself if it cannot be. */
export async function slimBundleFor(source: URL): Promise<URL> {
  try {
    return await writeSlimBundle(source);
  } catch {
    return source;
  }
}

function cacheDirectoryPath(): string {
  return join(tmpdir(), `lantern-pglite-${process.getuid?.() ?? 'user'}`);
}

/** A directory for the slim bundles that this process's user owns and no one else may write. */
function privateCacheDirectory(): string {
  const directory = cacheDirectoryPath();
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const { uid, mode } = statSync(directory);
  if ((process.getuid && uid !== process.getuid()) || (mode & 0o022) !== 0) {
    throw new Error(`${directory} is not this user's alone`);
  }
  return directory;
}

async function writeSlimBundle(source: URL): Promise<URL> {
  const path = fileURLToPath(source);
  const { size, mtimeMs } = statSync(path);
  const name = createHash('sha256').update(`${bundleFormat}\n${path}\n${size}\n${mtimeMs}`).digest('hex').slice(0, 20);
  const target = join(privateCacheDirectory(), `postgis-${name}.tar.gz`);
  if (existsSync(target)) return pathToFileURL(target);
  // Written beside the target and renamed into place, so a reader never sees half a bundle.
  const partial = `${target}.${randomUUID()}.partial`;
  try {
    const unpacked = extract();
    const repacked = pack();
    await Promise.all([
      pipeline(createReadStream(path), createGunzip(), unpacked),
      pipeline(repacked, createGzip(), createWriteStream(partial)),
      copyKeptEntries(unpacked, repacked),
    ]);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return pathToFileURL(target);
}

async function copyKeptEntries(from: Extract, to: Pack): Promise<void> {
  try {
    for await (const entry of from) {
      const { header } = entry;
      if (header.type !== 'directory' && !keptInSlimBundle(header.name)) {
        entry.resume();
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const sink = to.entry(header, (error) => (error ? reject(error) : resolve()));
        entry.pipe(sink);
      });
    }
    to.finalize();
  } catch (error) {
    to.destroy(error as Error);
    throw error;
  }
}
