// `pnpm test`: every unit test, and the integration tests against PGlite and, when
// TEST_DATABASE_URL is set, PostgreSQL + PostGIS too. CI must test both backends, so there a
// missing TEST_DATABASE_URL is an error rather than a quiet half-run.
import { spawnSync } from 'node:child_process';

if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL backend would go untested.');
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: integration tests run on PGlite only (see README, "Tests").');
}
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
