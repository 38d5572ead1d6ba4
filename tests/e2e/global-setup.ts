import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './support/browser.ts';
import { buildWebApp, startE2eServer } from './support/e2e-server.ts';

/**
 * Once per run of the e2e project: Chromium must be there (a missing browser fails loudly, it
 * never skips), the web app is built, and a seeded server listens on a free port.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${chromiumPath}, which is missing: install it with \`apt-get install chromium\` (.ci/run does this in CI).`,
    );
  }
  buildWebApp();
  const server = await startE2eServer();
  project.provide('e2eBaseUrl', server.baseUrl);
  return () => server.close();
}
