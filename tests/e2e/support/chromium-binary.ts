import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bundledChromium from '@sparticuz/chromium';

/**
 * Which Chromium the browser tests drive. Debian's when it is installed; otherwise the build that
 * `@sparticuz/chromium` carries inside its npm package (SwiftShader and a small font set included),
 * so `pnpm install && pnpm test` needs nothing from apt and downloads nothing at run time.
 * `LANTERN_TEST_CHROMIUM=bundled` uses the packaged one even where Debian's is present.
 */
export const debianChromium = '/usr/bin/chromium';

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
  if (process.env.LANTERN_TEST_CHROMIUM !== 'bundled' && existsSync(debianChromium)) {
    return { executablePath: debianChromium, source: 'debian', env: {} };
  }
  const executablePath = await bundledChromium.executablePath();
  // The package unpacks its fonts beside the binary but points fontconfig at them only on AWS Lambda.
  return { executablePath, source: 'bundled', env: { FONTCONFIG_PATH: join(tmpdir(), 'fonts') } };
}
