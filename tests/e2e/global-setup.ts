import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumBinary } from './support/chromium-binary.ts';
import { buildWebApp, repositoryRoot } from './support/e2e-server.ts';

/**
 * Once per run of the e2e project: Chromium is found or unpacked (a browser that cannot start
 * fails loudly, it never skips), the web app is built, and one seeded server per test worker starts
 * in its own process (support/e2e-server-process.ts). The files run in parallel, each against the
 * server of the worker it runs on, so no two files that run at once share a database. Setup does
 * not wait for the seed: a test file waits for its server's status file (`e2eServerUrl`). Vitest
 * orders projects by name, so the e2e files start first and wait there; running the unit files
 * first instead (a custom sequencer, tried) made no measurable difference to the whole run.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** One status file per worker (VITEST_POOL_ID 1..n): `{ baseUrl }` once serving, or `{ error }`. */
    e2eServerStatusFiles: string[];
  }
}

const serverScript = join(repositoryRoot, 'tests', 'e2e', 'support', 'e2e-server-process.ts');

export default async function setup(project: TestProject) {
  // Unpacks the bundled Chromium here, once, if Debian's is absent: the test files then find it ready.
  const browser = await chromiumBinary();
  console.log(
    `e2e: Chromium from ${browser.source === 'debian' ? 'Debian' : '@sparticuz/chromium'} (${browser.executablePath})`,
  );
  buildWebApp();
  const directory = mkdtempSync(join(tmpdir(), 'lantern-e2e-'));
  const template = join(directory, 'template.tar');
  const workers = Math.max(1, project.config.maxWorkers ?? project.vitest.config.maxWorkers ?? 1);
  const statusFiles = Array.from({ length: workers }, (_, index) => join(directory, `server-${index + 1}.json`));
  const servers: ChildProcess[] = statusFiles.map((status, index) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        serverScript,
        '--template',
        template,
        '--status',
        status,
        ...(index === 0 ? ['--seed'] : ['--seeder-status', statusFiles[0] as string]),
      ],
      { cwd: repositoryRoot, stdio: ['ignore', 'inherit', 'inherit'] },
    ),
  );
  project.provide('e2eServerStatusFiles', statusFiles);
  return async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null || server.signalCode !== null) return resolve();
            server.once('exit', () => resolve());
            server.kill('SIGTERM');
          }),
      ),
    );
    rmSync(directory, { recursive: true, force: true });
  };
}
