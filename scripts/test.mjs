// `pnpm test`: every unit test, and the integration tests against PGlite and, when
// TEST_DATABASE_URL is set, PostgreSQL + PostGIS too. CI must test both backends, so there a
// missing TEST_DATABASE_URL is an error rather than a quiet half-run. Ends with one plain
// "N passed, N failed" line for tools that read a run's closing line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL backend would go untested.');
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: integration tests run on PGlite only (see README, "Tests").');
}
const dir = mkdtempSync(join(tmpdir(), 'lantern-test-'));
const report = join(dir, 'report.json');
const result = spawnSync(
  'pnpm',
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
try {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = numPendingTests > 0 ? `, ${numPendingTests} skipped` : '';
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed${skipped}`);
} catch {
  console.log('\nTests: the run ended before reporting');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(result.status ?? 1);
