import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import bundledChromium, { inflate } from '@sparticuz/chromium';

/**
 * Which Chromium the browser tests drive. Debian's when it is installed: its headless shell
 * (`chromium-headless-shell`, the same Chromium without the browser's windows and UI, what
 * Playwright itself uses headless) before the full browser, which draws a signed-in map for
 * about a fifth more CPU. Otherwise the build that `@sparticuz/chromium` carries inside its npm
 * package (a headless shell too, SwiftShader and a small font set included), so
 * `pnpm install && pnpm test` needs nothing from apt and downloads nothing at run time.
 * `LANTERN_TEST_CHROMIUM=bundled` uses the packaged one even where Debian's is present.
 */
export const debianChromiums = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

export interface ChromiumBinary {
  executablePath: string;
  source: 'debian' | 'bundled';
  /** Extra environment for the browser process (the bundled build's fonts). */
  env: Record<string, string>;
}

let resolved: Promise<ChromiumBinary> | undefined;

/** Resolves once per process; the first call may unpack the bundled build into the temp directory (about 2 s). */
export function chromiumBinary(): Promise<ChromiumBinary> {
  resolved ??= locate();
  return resolved;
}

async function locate(): Promise<ChromiumBinary> {
  const debian = debianChromiums.find((path) => existsSync(path));
  if (process.env.LANTERN_TEST_CHROMIUM !== 'bundled' && debian) {
    return { executablePath: debian, source: 'debian', env: {} };
  }
  // The package also carries the shared libraries Chromium needs beyond libc (NSS, NSPR, expat) but
  // unpacks them, and points fontconfig at its fonts, only on AWS Lambda: here both are done for it,
  // so a machine with nothing but Node.js runs it.
  const packageBin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..', 'bin');
  const [executablePath, libraries] = await Promise.all([
    bundledChromium.executablePath(),
    inflate(join(packageBin, 'al2023.tar.br')),
  ]);
  const libraryPath = [join(libraries, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return {
    executablePath,
    source: 'bundled',
    env: { FONTCONFIG_PATH: join(tmpdir(), 'fonts'), LD_LIBRARY_PATH: libraryPath },
  };
}
