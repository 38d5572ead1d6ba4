// `pnpm test`: every unit test, and the integration tests against PGlite and, when
// TEST_DATABASE_URL is set, PostgreSQL + PostGIS too. CI must test both backends, so there a
// missing TEST_DATABASE_URL is an error rather than a quiet half-run. Ends with one plain
// "N passed, N failed" line for tools that read a run's closing line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

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
  const { numPassedTests, numFailedTests, numPendingTests, testResults } = JSON.parse(readFileSync(report, 'utf8'));
  // The slowest files, where a faster suite starts (a file appears once per project it runs in).
  const slowest = testResults
    .map((file) => ({ name: relative(process.cwd(), file.name), seconds: (file.endTime - file.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 12);
  console.log('\nSlowest test files:');
  for (const { name, seconds } of slowest) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
  const skipped = numPendingTests > 0 ? `, ${numPendingTests} skipped` : '';
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed${skipped}`);
} catch {
  console.log('\nTests: the run ended before reporting');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(result.status ?? 1);
