/**
 * API throughput for an authenticated, audited read: people.search by name within a district,
 * as the seeded police analyst, over real HTTP (cookie session, CSRF header) for ~10 s with
 * autocannon. On PGlite, and on PostgreSQL too with BENCH_DATABASE_URL. Every people.search
 * appends an audit event in the same transaction, so this measures the audited path. Also, on the
 * same server and in the same run: people.search at a fixed 200 req/s (its latency), the
 * unaudited districts.list, and a bare tRPC procedure mounted for the benchmark only (the anchor);
 * then the same three through Fastify's inject, timing this process's CPU per request.
 * Run: pnpm bench:api [--duration 10] [--connections 16]
 */
import type { AddressInfo } from 'node:net';
import { createServer, csrfHeader, readApiEnv } from '@lantern/api';
import { type Database, migrateAndLoad } from '@lantern/db';
import { seedDatabase } from '@lantern/seed';
import { generateDataset } from '@lantern/synth';
import { initTRPC } from '@trpc/server';
import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import autocannon from 'autocannon';
import { onEachBackend } from './scratch-database.ts';

const analyst = { email: 'analyst@lantern.test', password: 'lantern-demo-2026' };
const district = 'E07000170'; // Ashfield: the district with the most seeded children

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}
const duration = option('duration', 10);
const connections = option('connections', 16);

/** A name that matches seeded people: the first seeded child of the district, by id. */
async function searchName(db: Database): Promise<string> {
  const [row] = await db.sql.query<{ name: string }>(
    `SELECT given_name || ' ' || family_name AS name FROM person
     WHERE home_district_code = $1 AND kind = 'child' ORDER BY id LIMIT 1`,
    [district],
  );
  if (!row) throw new Error(`the seed has no children in ${district}`);
  return row.name;
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
    body: JSON.stringify(analyst),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 200 || !cookie)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

async function measure(label: string, db: Database) {
  await migrateAndLoad(db);
  await seedDatabase(db.sql, generateDataset({ scale: 'county' }));
  const app = await createServer({
    db,
    env: readApiEnv({
      NODE_ENV: 'production',
      LANTERN_TRUST_PROXY: 'false',
      LANTERN_AUDIT_KEY: 'benchmark-audit-key-0123456789abcdef',
      LANTERN_SESSION_CACHE_MS: process.env.LANTERN_SESSION_CACHE_MS ?? '2000',
    }),
  });
  // The anchor: a tRPC procedure that does nothing, on the same server, for this benchmark only.
  const t = initTRPC.create();
  await app.register(fastifyTRPCPlugin, {
    prefix: '/bench-trpc',
    trpcOptions: { router: t.router({ bare: t.procedure.query(() => 'ok') }) },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const headers = { cookie: await signIn(base), [csrfHeader]: '1' };
    const name = await searchName(db);
    const path = `/trpc/people.search?input=${encodeURIComponent(JSON.stringify({ name, districtCode: district }))}`;

    const probe = await fetch(`${base}${path}`, { headers });
    const body = (await probe.json()) as { result?: { data?: { people?: unknown[] } } };
    const found = body.result?.data?.people?.length ?? 0;
    if (probe.status !== 200 || found === 0) throw new Error(`the search finds nothing: ${probe.status}`);
    const [before] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');

    const run = async (what: string, url: string, extra: Partial<autocannon.Options> = {}) => {
      const result = await autocannon({ url, headers, duration, connections, ...extra });
      if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
      console.log(
        `${label.padEnd(9)} ${what.padEnd(42)} ${String(Math.round(result.requests.average)).padStart(6)} req/s, ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.total} requests ` +
          `(${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
      );
      return result;
    };
    console.log(
      `${label}: people.search name="${name}" districtCode=${district} (${found} matches), ${duration} s each`,
    );
    const search = await run(`people.search, ${connections} connections`, `${base}${path}`);
    const [after] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    const audited = (after?.n ?? 0) - (before?.n ?? 0);
    console.log(`${label.padEnd(9)} audit events written: ${audited} for ${search.requests.total} searches answered`);
    await run('people.search at a fixed 200 req/s', `${base}${path}`, { overallRate: 200 });
    const districts = await run(`districts.list (unaudited), ${connections} conn.`, `${base}/trpc/districts.list`);
    const bare = await run(`bare tRPC procedure (anchor), ${connections} conn.`, `${base}/bench-trpc/bare`);
    const ratio = (part: autocannon.Result) => `${Math.round((part.requests.average / bare.requests.average) * 100)}%`;
    console.log(
      `${label.padEnd(9)} of the bare procedure's rate: people.search ${ratio(search)}, districts.list ${ratio(districts)}`,
    );
    // The server's own CPU per request, without sockets or a load generator sharing the thread:
    // steadier than a rate on a shared machine. On PGlite it includes the database, which runs here.
    // Each is warmed for 50 rounds of `connections` requests, then timed for at least 3 s.
    const cpuPerRequest = async (url: string) => {
      const round = async () => {
        const answers = await Promise.all(
          Array.from({ length: connections }, () => app.inject({ method: 'GET', url, headers })),
        );
        if (answers.some((answer) => answer.statusCode !== 200)) throw new Error(`${url} did not answer 200`);
      };
      for (let warm = 0; warm < 50; warm++) await round();
      const started = process.cpuUsage();
      const until = performance.now() + 3000;
      let rounds = 0;
      for (; performance.now() < until; rounds++) await round();
      const used = process.cpuUsage(started);
      return `${Math.round((used.user + used.system) / (rounds * connections))} µs`;
    };
    console.log(
      `${label.padEnd(9)} this process's CPU per request (inject, ${connections} at a time): ` +
        `bare ${await cpuPerRequest('/bench-trpc/bare')}, districts.list ${await cpuPerRequest('/trpc/districts.list')}, ` +
        `people.search ${await cpuPerRequest(path)}`,
    );
  } finally {
    await app.close();
  }
}

console.log('Every people.search writes an audit event in its transaction: these are audited reads.');
await onEachBackend(async (label, db) => {
  try {
    await measure(label, db);
  } finally {
    await db.close();
  }
});
