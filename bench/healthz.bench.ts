/**
 * `pnpm bench:healthz`: how quickly /healthz answers while the heaviest analyses the work budget
 * allows run (issue: a hot-spot request once held the event loop for 5.7 s). The embedded
 * database, migrated, with the three bundled police.uk months; the police analyst asks for hot spots
 * over the county and the city at the budget's edge while /healthz is polled every 25 ms over
 * real HTTP. Prints the analysis's time and /healthz's latency percentiles during it.
 */

import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, csrfHeader, readApiEnv } from '@lantern/api';
import {
  type Database,
  hashPassword,
  importPoliceUkFile,
  migrateAndLoad,
  openDatabase,
  shippedPath,
} from '@lantern/db';

const password = 'heron kettle quarry violin';

async function analyst(db: Database): Promise<string> {
  const email = `bench-${Date.now()}@lantern.test`;
  const [agency] = await db.sql.query<{ id: string }>(
    `INSERT INTO agency (name, kind) VALUES ('Bench police', 'police') RETURNING id::text AS id`,
  );
  const [user] = await db.sql.query<{ id: string }>(
    `INSERT INTO app_user (email, display_name, password_hash, agency_id) VALUES ($1, 'Bench analyst', $2, $3::uuid) RETURNING id::text AS id`,
    [email, await hashPassword(password), agency?.id],
  );
  await db.sql.query(`INSERT INTO user_role (user_id, role) VALUES ($1::uuid, 'police_analyst')`, [user?.id]);
  return email;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

const db = await openDatabase({ inMemory: true });
await migrateAndLoad(db);
const months = shippedPath('data/police-uk');
for (const file of readdirSync(months).filter((name) => name.endsWith('.csv'))) {
  await importPoliceUkFile(db.sql, join(months, file));
}
const email = await analyst(db);
const app = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }) });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/trpc/auth.login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
  body: JSON.stringify({ email, password }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';

for (const [label, input] of [
  ['150 m cells, 850 m band (96k cells, 9.9M neighbour pairs)', { source: 'police-uk', cellSize: 150, band: 850 }],
  [
    '150 m cells, 450 m band, 99 permutations (2.8M pairs × 99)',
    { source: 'police-uk', cellSize: 150, band: 450, permutations: 99 },
  ],
] as const) {
  const started = performance.now();
  let done = false;
  const heavy = fetch(`${base}/trpc/hotspots.compute?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie, [csrfHeader]: '1' },
  }).then(async (response) => {
    await response.arrayBuffer();
    done = true;
    return response.status;
  });
  const latencies: number[] = [];
  while (!done) {
    const at = performance.now();
    const response = await fetch(`${base}/healthz`);
    await response.arrayBuffer();
    if (!done) latencies.push(performance.now() - at);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const status = await heavy;
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${label}: analysis ${status} in ${((performance.now() - started) / 1000).toFixed(1)} s; /healthz during it ` +
      `(${sorted.length} probes) p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  );
}
await app.close();
await db.close();
