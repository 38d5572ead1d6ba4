import type { TestProject } from 'vitest/node';
import { chromiumBinary } from './support/chromium-binary.ts';
import { buildWebApp, startE2eServer } from './support/e2e-server.ts';

/**
 * Once per run of the e2e project: Chromium is found or unpacked (a browser that cannot start
 * fails loudly, it never skips), the web app is built, and a seeded server listens on a free port.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // Unpacks the bundled Chromium here, once, if Debian's is absent: the test files then find it ready.
  const browser = await chromiumBinary();
  console.log(
    `e2e: Chromium from ${browser.source === 'debian' ? 'Debian' : '@sparticuz/chromium'} (${browser.executablePath})`,
  );
  buildWebApp();
  const server = await startE2eServer();
  project.provide('e2eBaseUrl', server.baseUrl);
  return () => server.close();
}
