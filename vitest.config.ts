import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const integration = ['**/*.integration.test.ts'];
const ignored = ['**/node_modules/**', '**/dist/**', 'tests/e2e/**'];

// Integration tests run once per backend: PGlite always, PostgreSQL when TEST_DATABASE_URL is set
// (scripts/test.mjs decides, and refuses to run in CI without it).
const backends = process.env.TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

export default defineConfig({
  test: {
    // Vitest's default leaves one core idle, which on a 2-core machine runs every file in turn.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: [...ignored, ...integration],
          // Generator tests build whole datasets; on a busy 2-core CI machine 5 s is too tight.
          testTimeout: 60_000,
          // A worker's files share its loaded modules instead of each forking a process and importing
          // them again (unit 200 -> 163 s of CPU). No file keeps state in a shared module: mocks,
          // stubbed globals and fake timers are restored after each test.
          isolate: false,
        },
      },
      ...backends.map((backend) => ({
        test: {
          name: `integration:${backend}`,
          include: integration,
          exclude: ignored,
          env: { LANTERN_TEST_BACKEND: backend },
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Files share each worker's loaded modules (about 2 s of imports per file otherwise). Each
          // file gets a database in the template's state: on PGlite one an earlier file of the
          // worker closed, reset (tests/support/pglite-pool.ts), so no rows cross files.
          isolate: false,
        },
      })),
      {
        // Web app components in a simulated DOM (apps/web/src/**/*.test.tsx).
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx'],
          exclude: ignored,
          environment: 'jsdom',
          // Files share a worker's modules and its jsdom (131 -> 27 s of CPU); each file unmounts
          // what it rendered after every test (`afterEach(cleanup)`).
          isolate: false,
        },
      },
      {
        // The built web app in Chromium, files in parallel, each worker against its own seeded server
        // (tests/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A worker's files share its modules, and with them one Chromium (support/browser.ts).
          isolate: false,
          testTimeout: 120_000,
          // Waiting for the seeded server (started by globalSetup, alongside the other projects' tests).
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
