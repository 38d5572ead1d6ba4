/**
 * Vector tile latency on both backends: the county seed plus the three shipped police.uk months
 * (or the national seed's million synthetic crimes with `pnpm bench:tiles national`), then the
 * tiles a user's session asks for: at each zoom 8–15, a 1280×800 viewport (maplibre's 512-pixel
 * tiles: 3×2 tiles) around 12 seeded-random crime locations, for the crime, intelligence and
 * missing-found layers. Reports p50/p95/max per layer and zoom band, and the mean tile size.
 * Then, per zoom 8–15, crime through the tile cache (tile-cache.ts) as the route uses it: cold
 * (data version read, miss, render, store) and warm (version read, hit, five passes), each beside
 * the anchor, the bare render of the same tile (ST_AsMVT on PostgreSQL; the clustering query and
 * vt-pbf on PGlite; five passes) timed in the same run; then how long warming z≤10 takes, and the
 * plan of the busiest z12 and z15 tiles on PostgreSQL. PostgreSQL is measured when
 * BENCH_DATABASE_URL is set; BENCH_BACKENDS=postgres measures it alone.
 * Run: pnpm bench:tiles [national]
 */
import { join } from 'node:path';
import {
  type Database,
  importPoliceUkFile,
  migrateAndLoad,
  renderTile,
  shippedPath,
  TileCache,
  type TileRequest,
} from '@lantern/db';
import type { TileLayer } from '@lantern/domain';
import { seedDatabase } from '@lantern/seed';
import { DEFAULT_SEED, generateDataset } from '@lantern/synth';
import { onEachBackend } from './scratch-database.ts';

const scale = process.argv[2] === 'national' ? 'national' : 'county';
const months = ['2024-01', '2024-02', '2024-03'];
const layers: TileLayer[] = ['crime', 'intelligence', 'missing-found'];

/** xorshift32: the same tile set on every run and backend. */
function seededRandom(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function tileSet(db: Database) {
  const points = await db.sql.query<{ lon: number; lat: number }>(
    'SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM crime_event WHERE geom IS NOT NULL ORDER BY id LIMIT 20000',
  );
  const random = seededRandom(20261122);
  const tiles: Array<{ z: number; x: number; y: number }> = [];
  for (let z = 8; z <= 15; z++) {
    const seen = new Set<string>();
    for (let view = 0; view < 12; view++) {
      const centre = points[Math.floor(random() * points.length)];
      if (!centre) continue;
      const { x, y } = tileOf(centre.lon, centre.lat, z);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = 0; dy <= 1; dy++) {
          const key = `${x + dx}/${y + dy}`;
          if (seen.has(key)) continue;
          seen.add(key);
          tiles.push({ z, x: x + dx, y: y + dy });
        }
      }
    }
  }
  return tiles;
}

async function measure(label: string, db: Database) {
  await migrateAndLoad(db);
  const started = performance.now();
  await seedDatabase(db.sql, generateDataset({ seed: DEFAULT_SEED, scale }));
  for (const month of months) {
    await importPoliceUkFile(db.sql, shippedPath(join('data', 'police-uk', `${month}-nottinghamshire-street.csv`)));
  }
  const [{ crimes }] = (await db.sql.query<{ crimes: number }>('SELECT count(*)::int AS crimes FROM crime_event')) as [
    { crimes: number },
  ];
  console.log(
    `${label}: loaded ${crimes.toLocaleString('en-GB')} crimes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // As autovacuum would soon after a load this size: the plans below are those of a table with
  // statistics, which differ from a freshly loaded one's (README, "Benchmarks").
  await db.sql.query('ANALYZE');
  const tiles = await tileSet(db);
  for (const layer of layers) {
    for (const [band, zooms] of [
      ['z8–11', [8, 11]],
      ['z12–15', [12, 15]],
    ] as const) {
      const times: number[] = [];
      let bytes = 0;
      const chosen = tiles.filter((tile) => tile.z >= zooms[0] && tile.z <= zooms[1]);
      for (const tile of chosen) {
        const start = performance.now();
        const body = await renderTile(db.prisma, db.backend, { layer, ...tile, scope: 'all' });
        times.push(performance.now() - start);
        bytes += body.byteLength;
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label.padEnd(9)} ${layer.padEnd(14)} ${band.padEnd(7)} ${String(chosen.length).padStart(4)} tiles  p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  max ${(times.at(-1) ?? 0).toFixed(1).padStart(6)} ms  mean ${(bytes / chosen.length / 1024).toFixed(1)} KiB`,
      );
    }
  }
  // Low-zoom crime tiles clustered from the points instead of the counted cells (the path before
  // crime_tile_cell, and the fallback while a month is uncounted). National: the first 24 tiles only.
  const low = tiles.filter((tile) => tile.z <= 11).slice(0, scale === 'national' ? 24 : undefined);
  for (const fromPoints of [false, true]) {
    const times: number[] = [];
    for (const tile of low) {
      const start = performance.now();
      await renderTile(db.prisma, db.backend, { layer: 'crime', ...tile, scope: 'all' }, { fromPoints });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(9)} crime z≤11 from ${fromPoints ? 'points' : 'cells '} ${String(low.length).padStart(4)} tiles  p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  max ${(times.at(-1) ?? 0).toFixed(1).padStart(6)} ms`,
    );
  }
  await measureCache(label, db, tiles);
  await db.close();
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Passes over a zoom's tiles for the anchor and the warm cache (cold is once: the first ask). */
const repeats = 5;

/** Crime per zoom through the cache, cold then warm, beside the bare render of the same tiles. */
async function measureCache(label: string, db: Database, tiles: Array<{ z: number; x: number; y: number }>) {
  const cache = new TileCache(db, { maxBytes: 512 * 1024 * 1024, warmMaxZoom: -1 });
  const viaCache = async (request: TileRequest) => cache.tile(request, await cache.address(request));
  let busiest: Record<number, { request: TileRequest; ms: number }> = {};
  for (let z = 8; z <= 15; z++) {
    const requests: TileRequest[] = tiles
      .filter((tile) => tile.z === z)
      .map((tile) => ({ layer: 'crime', ...tile, scope: 'all' }));
    const cold: number[] = [];
    const anchor: number[] = [];
    const warm: number[] = [];
    // Cold first, so the cache's first render pays for any page the database has not read yet.
    for (const request of requests) {
      const time = await timed(() => viaCache(request));
      cold.push(time);
      if (time > (busiest[z]?.ms ?? -1)) busiest = { ...busiest, [z]: { request, ms: time } };
    }
    // A zoom has 9–58 tiles; the anchor and the warm cache, which can be asked again, are asked
    // `repeats` times each, so their p95 is not one tile's worst moment.
    for (let pass = 0; pass < repeats; pass++) {
      for (const request of requests) anchor.push(await timed(() => renderTile(db.prisma, db.backend, request)));
    }
    for (let pass = 0; pass < repeats; pass++) {
      for (const request of requests) warm.push(await timed(() => viaCache(request)));
    }
    for (const list of [cold, anchor, warm]) list.sort((a, b) => a - b);
    const [coldP95, anchorP95, warmP95] = [cold, anchor, warm].map((list) => percentile(list, 95)) as [
      number,
      number,
      number,
    ];
    console.log(
      `${label.padEnd(9)} crime z${String(z).padEnd(3)} ${String(requests.length).padStart(3)} tiles  cold p95 ${ms(coldP95)}  warm p95 ${ms(warmP95)}  anchor p95 ${ms(anchorP95)}  cold/anchor ${(coldP95 / anchorP95).toFixed(2)}×  warm/anchor ${(warmP95 / anchorP95).toFixed(3)}×`,
    );
  }
  const warming = new TileCache(db, { maxBytes: 512 * 1024 * 1024, warmMaxZoom: 10 });
  const warmTime = await timed(async () => {
    await warming.address({ layer: 'crime', z: 0, x: 0, y: 0, scope: 'all' });
    await warming.warmed();
  });
  const { entries, bytes } = warming.stats;
  console.log(
    `${label.padEnd(9)} warming crime z0–10: ${entries} tiles, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${(warmTime / 1000).toFixed(1)} s`,
  );
  await warming.close();
  if (db.backend !== 'postgres') return;
  for (const z of [12, 15]) {
    const heaviest = busiest[z];
    if (!heaviest) continue;
    const { x, y } = heaviest.request;
    const plan = await db.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
       SELECT count(*) FROM crime_event c
       WHERE c.geom && ST_Transform(ST_Expand(ST_TileEnvelope($1, $2, $3), (20037508.342789244 * 2 / (1 << $1)) * 64 / 4096), 4326)`,
      [z, x, y],
    );
    console.log(`${label} plan of the busiest z${z} tile (${z}/${x}/${y}) point scan:`);
    for (const line of plan.map((row) => row['QUERY PLAN'])) {
      if (/Scan|Buffers|Execution|Heap Blocks|Rows Removed/.test(line)) console.log(`  ${line.trim()}`);
    }
  }
}

await onEachBackend(measure);
