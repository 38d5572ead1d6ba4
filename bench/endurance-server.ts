/**
 * The server under test in `pnpm bench:endurance`, in its own process so that its resident memory
 * is measured alone. Opens a PGlite data directory (`--data-dir`) or PostgreSQL (`--database-url`),
 * migrates, loads the county seed and the bundled police.uk months, listens on a free port and
 * prints `{"baseUrl": …}`. Over IPC it answers `audit` with the audit events recorded per procedure,
 * and `memory` with `process.memoryUsage()` (where the resident memory is: V8's heap, buffers).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer, readApiEnv } from '@lantern/api';
import { importPoliceUkFile, migrateAndLoad, openDatabase, shippedPath } from '@lantern/db';
import { seedDatabase } from '@lantern/seed';
import { DEFAULT_SEED, generateDataset } from '@lantern/synth';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } } });
const db = await openDatabase(
  values['database-url'] ? { databaseUrl: values['database-url'] } : { dataDir: values['data-dir'] },
);
await migrateAndLoad(db);
await seedDatabase(db.sql, generateDataset({ seed: DEFAULT_SEED, scale: 'county' }));
const months = shippedPath('data/police-uk');
for (const file of readdirSync(months).filter((name) => name.endsWith('.csv'))) {
  await importPoliceUkFile(db.sql, join(months, file));
}
const app = await createServer({
  db,
  env: readApiEnv({ ...process.env, NODE_ENV: 'test', LANTERN_LOG_LEVEL: 'warn' }),
});
const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ baseUrl })}\n`);

process.on('message', async (message) => {
  if (message === 'memory') {
    process.send?.({ memory: process.memoryUsage() });
    return;
  }
  if (message !== 'audit') return;
  const rows = await db.sql.query<{ procedure: string; events: number }>(
    `SELECT procedure, count(*)::int AS events FROM audit_event WHERE procedure IS NOT NULL GROUP BY procedure`,
  );
  process.send?.({ audit: Object.fromEntries(rows.map((row) => [row.procedure, row.events])) });
});
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
