/**
 * `pnpm bench:endurance [--minutes 10] [--postgres-only]`: a mixed load held for a while on each backend, to show
 * that the server's memory stays flat, nothing answers 5xx and no audit event goes missing.
 * The server runs alone in a child process (bench/endurance-server.ts) on the county seed with the
 * bundled police.uk months; this process drives it over real HTTP, signed in as the police analyst
 * and the missing coordinator:
 * - two loops of crime tiles at zoom 8–15 over the county;
 * - two loops of `people.search` (audited);
 * - one loop alternating Getis-Ord hot spots and a district network, 5 s apart;
 * - one import of 40 missing episodes every 30 s (`missing.importEpisodes`, audited; after the first,
 *   re-imports that change nothing, so the data does not grow).
 * The server's RSS is read from /proc every 10 s, with its `process.memoryUsage()` beside it (V8's heap,
 * buffers), so a rise can be placed. Growth compares the median of the last three
 * samples with the median of the three taken just after the warm-up (the first fifth of the run);
 * as the collector saw-tooths that moves with where its cycle happens to be, so the mean and the
 * peak of the first and second halves after the warm-up are printed beside it.
 * Audit: audited requests answered 200 against the events recorded for those procedures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { csrfHeader } from '@lantern/api';
import pg from 'pg';
import { tileOf } from '../tests/support/slippy-tile.ts';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, 'postgres-only': { type: 'boolean', default: false } },
});
const minutes = Number(values.minutes);
if (!(minutes > 0)) throw new Error(`--minutes must be a positive number (value "${values.minutes}")`);
const durationMs = minutes * 60_000;
const demoPassword = 'lantern-demo-2026';
const mansfield = 'E07000174';

interface Server {
  baseUrl: string;
  process: ChildProcess;
  auditCounts(): Promise<Record<string, number>>;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

async function startServer(args: string[]): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'endurance-server.ts'), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the endurance server exited (code ${code}) before serving`))),
  );
  const firstLine = new Promise<string>((resolve) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const { baseUrl } = JSON.parse(await Promise.race([firstLine, exited])) as { baseUrl: string };
  exited.catch(() => undefined);
  return {
    baseUrl,
    process: child,
    auditCounts: () => ask(child, 'audit'),
    memory: () => ask(child, 'memory'),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Asks the server process over IPC; its answer is the one message carrying the asked key. */
function ask<Key extends 'audit' | 'memory'>(
  child: ChildProcess,
  key: Key,
): Promise<Key extends 'audit' ? Record<string, number> : NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    const answer = (message: unknown) => {
      if (typeof message !== 'object' || message === null || !(key in message)) return;
      child.off('message', answer);
      resolve((message as Record<Key, never>)[key]);
    };
    child.on('message', answer);
    child.send(key);
  });
}

function residentMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`signing in as ${email}: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

const episodeHeader =
  'episode_ref,child_ref,sex,date_of_birth,care_status,police_risk,reported_at,returned_at,last_seen_lat,last_seen_lon,found_lat,found_lon,rhi_service,rhi_completed_at,mam_held_at';
const episodesCsv = [
  episodeHeader,
  ...Array.from(
    { length: 40 },
    (_, index) =>
      `END-${index},END-CH-${index % 25},${(index % 25) % 2 ? 'F' : 'M'},2011-02-03,county_care,medium,2026-07-01T21:00:00+01:00,2026-07-02T08:00:00+01:00,53.1753,-1.1992,53.17,-1.2,childrens_social_care,2026-07-03T10:00:00+01:00,`,
  ),
].join('\n');

interface Tally {
  requests: number;
  byStatus: Map<number, number>;
  failures: number;
  audited200: Map<string, number>;
}

async function runLoad(server: Server): Promise<{ tally: Tally; rss: number[]; heaps: NodeJS.MemoryUsage[] }> {
  const analyst = await signIn(server.baseUrl, 'analyst@lantern.test');
  const coordinator = await signIn(server.baseUrl, 'coordinator@lantern.test');
  const tally: Tally = { requests: 0, byStatus: new Map(), failures: 0, audited200: new Map() };
  const deadline = performance.now() + durationMs;
  // The first answer of each unexpected kind (procedure or tile layer, and status) is printed.
  const unexpected = new Set<string>();
  let random = 1;
  const next = () => {
    random = (random * 48_271) % 2_147_483_647;
    return random / 2_147_483_647;
  };
  const call = async (cookie: string, path: string, init: RequestInit = {}, audited?: string) => {
    tally.requests += 1;
    try {
      const response = await fetch(`${server.baseUrl}${path}`, {
        ...init,
        headers: { cookie, [csrfHeader]: '1', 'content-type': 'application/json' },
      });
      const body = await response.text();
      tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
      const kind = `${path.split('?')[0]?.replace(/\/\d+\/\d+\/\d+\.pbf$/, '')} ${response.status}`;
      if (response.status !== 200 && response.status !== 304 && !unexpected.has(kind)) {
        unexpected.add(kind);
        console.log(`  unexpected: ${kind}: ${body.slice(0, 300)}`);
      }
      if (audited && response.status === 200) tally.audited200.set(audited, (tally.audited200.get(audited) ?? 0) + 1);
    } catch {
      tally.failures += 1;
    }
  };
  const query = (procedure: string, input: unknown) =>
    `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const until = async (work: () => Promise<void>) => {
    while (performance.now() < deadline) await work();
  };
  const tiles = () =>
    until(async () => {
      const z = 8 + Math.floor(next() * 8);
      const { x, y } = tileOf(-1.35 + next() * 0.5, 52.9 + next() * 0.45, z);
      await call(analyst, `/tiles/crime/${z}/${x}/${y}.pbf`);
    });
  const letters = 'abcdefghijklmnoprstw';
  const search = () =>
    until(() =>
      call(
        analyst,
        query('people.search', { name: letters[Math.floor(next() * letters.length)], limit: 20 }),
        {},
        'people.search',
      ),
    );
  const heavy = () =>
    until(async () => {
      await call(analyst, query('hotspots.compute', { source: 'police-uk', cellSize: 250, band: 750 }));
      await delay(5000);
      await call(analyst, query('network.district', { districtCode: mansfield }));
      await delay(5000);
    });
  const imports = () =>
    until(async () => {
      await call(
        coordinator,
        '/trpc/missing.importEpisodes',
        { method: 'POST', body: JSON.stringify({ fileName: 'endurance.csv', csv: episodesCsv }) },
        'missing.importEpisodes',
      );
      await delay(30_000);
    });
  const rss: number[] = [];
  const heaps: NodeJS.MemoryUsage[] = [];
  const sampler = (async () => {
    while (performance.now() < deadline) {
      rss.push(residentMegabytes(server.process.pid as number));
      heaps.push(await server.memory());
      await delay(10_000);
    }
  })();
  await Promise.all([tiles(), tiles(), search(), search(), heavy(), imports(), sampler]);
  return { tally, rss, heaps };
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

async function measure(label: string, args: string[]): Promise<void> {
  const server = await startServer(args);
  try {
    const before = await server.auditCounts();
    const { tally, rss, heaps } = await runLoad(server);
    // Sealing may lag by up to its window; recording does not (same transaction), so counts are final.
    const after = await server.auditCounts();
    const warm = Math.max(1, Math.floor(rss.length / 5));
    const baseline = median(rss.slice(warm, warm + 3));
    const end = median(rss.slice(-3));
    const fivexx = [...tally.byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    const statuses = [...tally.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    const lost = [...tally.audited200].map(([procedure, answered]) => {
      const recorded = (after[procedure] ?? 0) - (before[procedure] ?? 0);
      return `${procedure} ${answered} answered / ${recorded} recorded (${answered - recorded} lost)`;
    });
    console.log(
      `\n${label}: ${minutes} min, ${tally.requests} requests (${statuses}; ${tally.failures} failed to connect)`,
    );
    console.log(`  5xx: ${fivexx}`);
    console.log(
      `  RSS MB every 10 s: ${rss.map((mb) => mb.toFixed(0)).join(' ')}\n` +
        `  after warm-up ${baseline.toFixed(0)} MB, at the end ${end.toFixed(0)} MB: growth ${(((end - baseline) / baseline) * 100).toFixed(1)}%`,
    );
    const settled = rss.slice(warm);
    const [first, second] = [settled.slice(0, settled.length >> 1), settled.slice(settled.length >> 1)];
    const mean = (samples: number[]) => samples.reduce((sum, mb) => sum + mb, 0) / Math.max(1, samples.length);
    console.log(
      `  halves after warm-up: mean ${mean(first).toFixed(0)} → ${mean(second).toFixed(0)} MB ` +
        `(${(((mean(second) - mean(first)) / mean(first)) * 100).toFixed(1)}%), ` +
        `peak ${Math.max(...first).toFixed(0)} → ${Math.max(...second).toFixed(0)} MB, ` +
        `trough ${Math.min(...first).toFixed(0)} → ${Math.min(...second).toFixed(0)} MB`,
    );
    const series = (pick: (usage: NodeJS.MemoryUsage) => number) =>
      heaps.map((usage) => (pick(usage) / 2 ** 20).toFixed(0)).join(' ');
    console.log(
      `  where it is, MB every 10 s (process.memoryUsage):\n` +
        `    V8 heap used  ${series((usage) => usage.heapUsed)}\n` +
        `    V8 heap total ${series((usage) => usage.heapTotal)}\n` +
        `    external      ${series((usage) => usage.external)}\n` +
        `    outside V8's heap and buffers (RSS - heap total - external) ${heaps
          .map((usage, index) => ((rss[index] ?? 0) - (usage.heapTotal + usage.external) / 2 ** 20).toFixed(0))
          .join(' ')}`,
    );
    console.log(`  audit: ${lost.join('; ')}`);
  } finally {
    await server.stop();
  }
}

if (!values['postgres-only']) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-endurance-'));
  try {
    await measure('pglite', ['--data-dir', join(dataDir, 'db')]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.log('postgres  (skipped: set BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres)');
} else {
  const name = `lantern_endurance_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await measure('postgres', ['--database-url', url.toString()]);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
