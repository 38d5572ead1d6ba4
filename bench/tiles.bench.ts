/**
 * Vector tile latency on both backends: the county seed plus the three shipped police.uk months
 * (or the national seed's million synthetic crimes with `pnpm bench:tiles national`), then the
 * tiles a user's session asks for: at each zoom 8–15, a 1280×800 viewport (maplibre's 512-pixel
 * tiles: 3×2 tiles) around 12 seeded-random crime locations, for the crime, intelligence and
 * missing-found layers. Reports p50/p95/max per layer and zoom band, and the mean tile size.
 * PostgreSQL is measured when BENCH_DATABASE_URL is set. Run: pnpm bench:tiles [national]
 */
import { join } from 'node:path';
import { type Database, importPoliceUkFile, migrateAndLoad, renderTile, shippedPath } from '@lantern/db';
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
  await db.close();
}

await onEachBackend(measure);
