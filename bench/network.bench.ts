/**
 * Network views on the county seed, through the use cases as the seeded police analyst calls them
 * (SQL, audit event, metrics in the analytics worker pool): ego views to two hops around random
 * people and places that have links, and each district's network with every metric. On PGlite, and
 * on PostgreSQL too with BENCH_DATABASE_URL. Then the analytics alone on a synthetic graph far
 * larger than any view (a planted-partition graph from a seeded generator): Louvain, PageRank,
 * sampled betweenness and the whole of networkMetrics. Figures only: nothing here fails on time.
 * Run: pnpm bench:network [--egos 200] [--repeats 20] [--nodes 100000] [--edges 500000] [--communities 2000]
 * [--synthetic-only | --county-only]
 */
import { accessFor, closeAnalyticsPool, viewDistrictNetwork, viewEgoNetwork } from '@lantern/app';
import { type Database, findPrincipal, migrateAndLoad } from '@lantern/db';
import { districts, procedurePolicies } from '@lantern/domain';
import {
  betweenness,
  coreNumbers,
  eigenvectorByComponent,
  louvainCommunities,
  networkMetrics,
  normalizedMutualInformation,
  pageRank,
  simpleGraph,
} from '@lantern/network';
import { seedDatabase } from '@lantern/seed';
import { generateDataset } from '@lantern/synth';
import { onEachBackend } from './scratch-database.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}
const egoCount = option('egos', 200);
const repeats = option('repeats', 20);
const syntheticNodes = option('nodes', 100_000);
const syntheticEdges = option('edges', 500_000);
const syntheticCommunities = option('communities', 2000);

const egoTargetMs = 20;
const districtTargetMs = 300;
const reason = 'network benchmark';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** Nearest-rank percentile of milliseconds. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const verdict = (value: number, target: number) => (value <= target ? 'met' : 'missed');

async function time<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

interface Row {
  backend: string;
  what: string;
  size: string;
  samples: number;
  p50: number;
  p95: number;
  target: number;
}
const rows: Row[] = [];

/** People and places at either end of an entity link, `count` of them drawn with a fixed seed. */
async function egoCentres(db: Database, count: number): Promise<string[]> {
  const linked = await db.sql.query<{ id: string }>(
    `SELECT id FROM (
       SELECT from_id AS id FROM entity_link WHERE from_type IN ('person', 'place')
       UNION SELECT to_id FROM entity_link WHERE to_type IN ('person', 'place')
     ) ends ORDER BY id`,
  );
  const ids = linked.map((row) => row.id);
  const random = seededRandom(42);
  for (let i = 0; i < Math.min(count, ids.length); i++) {
    const j = i + Math.floor(random() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return ids.slice(0, count);
}

async function measure(backend: string, db: Database) {
  let started = performance.now();
  await migrateAndLoad(db);
  await seedDatabase(db.sql, generateDataset({ scale: 'county' }));
  console.log(`${backend}: migrated and seeded the county in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const principal = await findPrincipal(db.prisma, { role: 'police_analyst' });
  if (!principal) throw new Error('the seed has no police analyst');
  const app = { db };
  const egoAccess = accessFor(principal, 'network.ego', procedurePolicies['network.ego']);
  const districtAccess = accessFor(principal, 'network.district', procedurePolicies['network.district']);

  const centres = await egoCentres(db, egoCount);
  // Warm-up (worker threads started, queries planned, code compiled): not counted.
  for (const entityId of centres.slice(0, 10)) await viewEgoNetwork(app, egoAccess, { entityId, hops: 2, reason });
  await viewDistrictNetwork(app, districtAccess, { districtCode: districts[0].code, reason });

  started = performance.now();
  const egoTimes: number[] = [];
  const egoSizes: number[] = [];
  for (const entityId of centres) {
    const { value, ms } = await time(() => viewEgoNetwork(app, egoAccess, { entityId, hops: 2, reason }));
    egoTimes.push(ms);
    egoSizes.push(value.nodes.length);
  }
  rows.push({
    backend,
    what: 'ego view, 2 hops',
    size: `${centres.length} centres; nodes median ${percentile(egoSizes, 50)}, max ${Math.max(...egoSizes)}`,
    samples: egoTimes.length,
    p50: percentile(egoTimes, 50),
    p95: percentile(egoTimes, 95),
    target: egoTargetMs,
  });
  console.log(`${backend}: ${centres.length} ego views in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (const district of districts) {
    const times: number[] = [];
    let size = '';
    for (let i = 0; i < repeats; i++) {
      const { value, ms } = await time(() =>
        viewDistrictNetwork(app, districtAccess, { districtCode: district.code, reason }),
      );
      times.push(ms);
      size = `${value.nodes.length} nodes, ${value.edges.length} edges`;
    }
    rows.push({
      backend,
      what: `district view, all metrics: ${district.name}`,
      size,
      samples: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      target: districtTargetMs,
    });
    console.log(`${backend}: ${district.name} p50 ${ms(percentile(times, 50))} ms`);
  }
}

/**
 * A planted-partition (stochastic block model) graph: `communities` equal groups, each edge inside
 * its first end's group with probability 0.8, else to any node; no duplicates or self-loops.
 */
function plantedPartition(nodes: number, edges: number, communities: number, seed: number) {
  const random = seededRandom(seed);
  const size = Math.ceil(nodes / communities);
  const id = (i: number) => `n${String(i).padStart(6, '0')}`;
  const seen = new Set<number>();
  const list: { source: string; target: string; weight: number }[] = [];
  while (list.length < edges) {
    const a = Math.floor(random() * nodes);
    const group = Math.floor(a / size);
    const b =
      random() < 0.8 ? Math.min(nodes - 1, group * size + Math.floor(random() * size)) : Math.floor(random() * nodes);
    if (a === b) continue;
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = low * nodes + high;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push({ source: id(low), target: id(high), weight: 1 });
  }
  const ids = Array.from({ length: nodes }, (_, i) => id(i));
  const planted = new Map(ids.map((node, i) => [node, Math.floor(i / size)]));
  return { ids, edges: list, planted };
}

function timedSync<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

console.log('Every view is an audited read through the use case (SQL, audit event, metrics in the worker pool).');
if (!process.argv.includes('--synthetic-only')) {
  await onEachBackend(async (label, db) => {
    try {
      await measure(label, db);
    } finally {
      await db.close();
    }
  });
  await closeAnalyticsPool();
}

console.log('\n## Network views: Lantern county seed (default seed), police analyst, whole period\n');
console.log('| backend | view | size | samples | p50 | p95 | target | p95 vs target |');
console.log('|---|---|---|---:|---:|---:|---:|---|');
for (const row of rows) {
  console.log(
    `| ${row.backend} | ${row.what} | ${row.size} | ${row.samples} | ${ms(row.p50)} ms | ${ms(row.p95)} ms | ≤ ${row.target} ms | ${verdict(row.p95, row.target)} |`,
  );
}
if (process.argv.includes('--county-only')) process.exit(0);

console.log(
  `\nSynthetic planted-partition graph: ${syntheticNodes} nodes, ${syntheticEdges} edges, ${syntheticCommunities} communities (seed 7)`,
);
const built = timedSync(() => {
  const synthetic = plantedPartition(syntheticNodes, syntheticEdges, syntheticCommunities, 7);
  return { synthetic, graph: simpleGraph(synthetic.ids, synthetic.edges) };
});
const { synthetic, graph } = built.value;
const louvain = timedSync(() => louvainCommunities(graph, 1));
const rank = timedSync(() => pageRank(graph));
const between = timedSync(() => betweenness(graph, 1));
const eigenvector = timedSync(() => eigenvectorByComponent(graph));
const cores = timedSync(() => coreNumbers(graph));
const metrics = timedSync(() => networkMetrics(graph, 1));
const nmi = normalizedMutualInformation(synthetic.planted, louvain.value.membership);

const cpu = `${process.version}, one thread`;
console.log(
  `\n## Analytics alone: ${graph.order} nodes, ${graph.size} edges, ${syntheticCommunities} planted communities (${cpu}, single run each)\n`,
);
console.log('| step | time | result |');
console.log('|---|---:|---|');
console.log(`| build the graph (simpleGraph) | ${ms(built.ms)} ms | ${graph.order} nodes, ${graph.size} edges |`);
console.log(
  `| Louvain (louvainCommunities, seeded) | ${ms(louvain.ms)} ms | ${louvain.value.count} communities, modularity ${louvain.value.modularity.toFixed(4)}, NMI vs planted ${nmi.toFixed(4)} |`,
);
console.log(`| PageRank (α 0.85, tol 1e-12) | ${ms(rank.ms)} ms | ${Object.keys(rank.value).length} values |`);
console.log(
  `| betweenness (sampled: ${between.value.sample?.sources ?? 'all'} sources) | ${ms(between.ms)} ms | exact up to 20,000 nodes |`,
);
console.log(`| eigenvector per component | ${ms(eigenvector.ms)} ms | ${eigenvector.value.size} values |`);
console.log(
  `| k-core numbers | ${ms(cores.ms)} ms | max core ${[...cores.value.values()].reduce((a, b) => Math.max(a, b), 0)} |`,
);
console.log(
  `| **networkMetrics (all of the above + bridge shares)** | **${ms(metrics.ms)} ms** | ${metrics.value.communityCount} communities, betweenness ${metrics.value.betweennessSample ? `sampled from ${metrics.value.betweennessSample.sources} of ${metrics.value.betweennessSample.of}` : 'exact'} |`,
);
