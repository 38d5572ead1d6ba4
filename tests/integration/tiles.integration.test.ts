import { join } from 'node:path';
import {
  cellTileSql,
  crimeCellLevel,
  crimeTileCellsCurrent,
  crimeTileTotalMaxZoom,
  type Database,
  encodeTile,
  importPoliceUkFile,
  refreshCrimeTileCells,
  renderTile,
  shippedPath,
  type TileRequest,
  tileExtent,
  tileFeatures,
  webMercatorSql,
} from '@lantern/db';
import { crimeTileCellMaxZoom, tileLayerPolicies, tileLayers } from '@lantern/domain';
import { VectorTile } from '@mapbox/vector-tile';
import type { FastifyInstance } from 'fastify';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, testServer } from '../support/api.ts';
import { createIntelligenceRecord, pointIn } from '../support/domain-factories.ts';
import { createUser } from '../support/factories.ts';
import { tileOf } from '../support/slippy-tile.ts';
import { createTestDatabase, testBackend } from '../support/test-database.ts';

/**
 * Vector tiles of clustered points: every crime lands in exactly one tile's clusters, filters
 * narrow what is drawn, PostGIS's ST_AsMVT and the in-process encoder give the same features, and
 * the route enforces sign-in, each layer's roles and the caller's districts.
 */
let db: Database;
let app: FastifyInstance;
const files = ['2024-01', '2024-02'].map((month) =>
  shippedPath(join('data', 'police-uk', `${month}-nottinghamshire-street.csv`)),
);

beforeAll(async () => {
  db = await createTestDatabase();
  for (const file of files) await importPoliceUkFile(db.sql, file);
  app = await testServer(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

interface DecodedFeature {
  x: number;
  y: number;
  properties: Record<string, unknown>;
}

function decode(tile: Uint8Array, layer: string): DecodedFeature[] {
  const decoded = new VectorTile(new PbfReader(tile)).layers[layer];
  if (!decoded) return [];
  expect(decoded.extent).toBe(tileExtent);
  return Array.from({ length: decoded.length }, (_, index) => {
    const feature = decoded.feature(index);
    const point = feature.loadGeometry()[0]?.[0];
    if (!point) throw new Error(`feature ${index} has no point`);
    return { x: point.x, y: point.y, properties: { ...feature.properties } };
  }).sort((a, b) => a.x - b.x || a.y - b.y);
}

async function crimePoints(where = 'TRUE') {
  return db.sql.query<{ lon: number; lat: number }>(
    `SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM crime_event WHERE geom IS NOT NULL AND ${where}`,
  );
}

/** Sums the counts of features inside the tile proper (the buffer repeats neighbours' points). */
function countInside(features: DecodedFeature[]): number {
  return features
    .filter((feature) => feature.x >= 0 && feature.x < tileExtent && feature.y >= 0 && feature.y < tileExtent)
    .reduce((sum, feature) => sum + Number(feature.properties.count), 0);
}

/** Nottingham city centre: the busiest tiles in the county at every zoom. */
const cityCentre = { lon: -1.1478, lat: 52.9536 };

const request = (overrides: Partial<TileRequest>): TileRequest => ({
  layer: 'crime',
  z: 9,
  x: 0,
  y: 0,
  scope: 'all',
  ...overrides,
});

describe('crime tiles', () => {
  it('count every located crime once across the tiles that hold them', async () => {
    const points = await crimePoints();
    const perTile = new Map<string, number>();
    for (const point of points) {
      const { x, y } = tileOf(point.lon, point.lat, 9);
      perTile.set(`${x}/${y}`, (perTile.get(`${x}/${y}`) ?? 0) + 1);
    }
    expect(perTile.size).toBeGreaterThan(1);
    for (const [key, expected] of perTile) {
      const [x, y] = key.split('/').map(Number) as [number, number];
      const features = decode(await renderTile(db.prisma, db.backend, request({ x, y })), 'crime');
      // A point exactly on the tile's right or bottom edge rounds to 4096 and belongs to the next tile.
      expect(Math.abs(countInside(features) - expected)).toBeLessThanOrEqual(1);
    }
  });

  it('clusters at low zoom and keeps separate spots apart from zoom 15', async () => {
    const point = cityCentre;
    const low = tileOf(point.lon, point.lat, 9);
    const lowFeatures = decode(await renderTile(db.prisma, db.backend, request(low)), 'crime');
    expect(lowFeatures.some((feature) => Number(feature.properties.count) > 1)).toBe(true);
    // 64 × 64 cells at most (plus the buffer's edge cells).
    expect(lowFeatures.length).toBeLessThanOrEqual(66 * 66);

    const high = tileOf(point.lon, point.lat, 15);
    const highFeatures = decode(await renderTile(db.prisma, db.backend, request({ z: 15, ...high })), 'crime');
    const spots = new Set(highFeatures.map((feature) => `${feature.x},${feature.y}`));
    expect(spots.size).toBe(highFeatures.length);
    for (const feature of highFeatures) {
      expect(typeof feature.properties.kind).toBe('string');
      expect(feature.properties.month).toMatch(/^2024-0[12]$/);
    }
  });

  it('draw only the months and crime types asked for', async () => {
    const point = cityCentre;
    const { x, y } = tileOf(point.lon, point.lat, 8);
    const inTile = (rows: Array<{ lon: number; lat: number }>) =>
      rows.filter((row) => {
        const tile = tileOf(row.lon, row.lat, 8);
        return tile.x === x && tile.y === y;
      }).length;
    const february = await crimePoints(`month = '2024-02-01'`);
    const februaryTile = decode(
      await renderTile(db.prisma, db.backend, request({ z: 8, x, y, from: '2024-02-10', to: '2024-02-29' })),
      'crime',
    );
    expect(Math.abs(countInside(februaryTile) - inTile(february))).toBeLessThanOrEqual(1);
    expect(februaryTile.every((feature) => feature.properties.month === '2024-02')).toBe(true);

    const burglary = await crimePoints(`crime_type = 'Burglary'`);
    const burglaryTile = decode(
      await renderTile(db.prisma, db.backend, request({ z: 8, x, y, types: ['Burglary'] })),
      'crime',
    );
    expect(Math.abs(countInside(burglaryTile) - inTile(burglary))).toBeLessThanOrEqual(1);
    expect(new Set(burglaryTile.map((feature) => feature.properties.kind))).toEqual(new Set(['Burglary']));
  });

  it(`gives the same features from ${testBackend === 'postgres' ? 'ST_AsMVT' : 'PGlite'} and the in-process encoder`, async () => {
    const point = cityCentre;
    for (const z of [8, 12, 16]) {
      const tile = request({ z, ...tileOf(point.lon, point.lat, z) });
      const fromDatabase = decode(await renderTile(db.prisma, db.backend, tile), 'crime');
      const inProcess = decode(encodeTile('crime', await tileFeatures(db.prisma, tile)), 'crime');
      expect(fromDatabase.length).toBeGreaterThan(0);
      expect(fromDatabase).toEqual(inProcess);
    }
  });

  it('project points as PostGIS does to Web Mercator, to a millimetre', async () => {
    const { x, y } = webMercatorSql('geom');
    const [row] = await db.sql.query<{ points: number; off: number }>(
      `SELECT count(*)::int AS points,
         max(greatest(abs(${x} - ST_X(ST_Transform(geom, 3857))), abs(${y} - ST_Y(ST_Transform(geom, 3857))))) AS off
       FROM crime_event WHERE geom IS NOT NULL`,
    );
    expect(row?.points).toBeGreaterThan(1000);
    expect(row?.off).toBeLessThan(0.001);
  });

  it('is an empty tile where there is nothing', async () => {
    const features = decode(await renderTile(db.prisma, db.backend, request({ z: 10, x: 0, y: 0 })), 'crime');
    expect(features).toEqual([]);
  });
});

describe('crime tiles to zoom 15, from the counted cells', () => {
  /**
   * Every tile of zoom z over the county and the city up to zoom 11; from 12, the 4 × 4 tiles
   * around the city centre, where the crimes are densest (every county tile at zoom 14 would be
   * some 1,500 tiles a check).
   */
  function countyTiles(z: number) {
    const centre = tileOf(cityCentre.lon, cityCentre.lat, z);
    const [northWest, southEast] =
      z <= 11
        ? [tileOf(-1.35, 53.51, z), tileOf(-0.66, 52.78, z)]
        : [
            { x: centre.x - 2, y: centre.y - 2 },
            { x: centre.x + 1, y: centre.y + 1 },
          ];
    const tiles: Array<{ x: number; y: number }> = [];
    for (let x = northWest.x; x <= southEast.x; x++) {
      for (let y = northWest.y; y <= southEast.y; y++) tiles.push({ x, y });
    }
    return tiles;
  }

  async function expectCellsMatchPoints(extra: Partial<TileRequest>) {
    let features = 0;
    for (let z = 5; z <= crimeTileCellMaxZoom; z++) {
      for (const tile of countyTiles(z)) {
        const asked = request({ z, ...tile, ...extra });
        const fromPoints = await tileFeatures(db.prisma, asked, { fromPoints: true });
        const fromCells = await tileFeatures(db.prisma, asked);
        expect(fromCells.map(({ count, kind, month }) => ({ count, kind, month }))).toEqual(
          fromPoints.map(({ count, kind, month }) => ({ count, kind, month })),
        );
        // Positions are the same mean, summed in another order: at most a rounding apart.
        fromCells.forEach((row, index) => {
          expect(Math.abs(row.tx - (fromPoints[index]?.tx ?? Number.NaN))).toBeLessThanOrEqual(1);
          expect(Math.abs(row.ty - (fromPoints[index]?.ty ?? Number.NaN))).toBeLessThanOrEqual(1);
        });
        features += fromCells.length;
      }
    }
    return features;
  }

  it('are kept current by the import, which leaves no month to recount', async () => {
    expect(await crimeTileCellsCurrent(db.sql)).toBe(true);
    const located = (await crimePoints()).length;
    for (const z of [0, 11, 14, crimeTileCellMaxZoom]) {
      const [cells] = await db.sql.query<{ n: number }>('SELECT sum(n)::int AS n FROM crime_tile_cell WHERE z = $1', [
        crimeCellLevel(z),
      ]);
      expect(cells?.n).toBe(located);
    }
    for (const z of [0, crimeTileTotalMaxZoom]) {
      const [totals] = await db.sql.query<{ n: number }>('SELECT sum(n)::int AS n FROM crime_tile_total WHERE z = $1', [
        z,
      ]);
      expect(totals?.n).toBe(located);
    }
  });

  it(`cluster exactly as the points do, at every zoom from 5 to ${crimeTileCellMaxZoom}`, async () => {
    expect(await expectCellsMatchPoints({})).toBeGreaterThan(100);
  });

  it('cluster exactly as the points do for a month and a crime type', async () => {
    expect(await expectCellsMatchPoints({ from: '2024-02-01', to: '2024-02-29' })).toBeGreaterThan(10);
    expect(await expectCellsMatchPoints({ types: ['Burglary', 'Robbery'] })).toBeGreaterThan(10);
  });

  it('fall back to the points while a write has left a month uncounted, until the refresh', async () => {
    const { x, y } = tileOf(cityCentre.lon, cityCentre.lat, 9);
    const asked = request({ z: 9, x, y });
    const total = async () => (await tileFeatures(db.prisma, asked)).reduce((sum, row) => sum + row.count, 0);
    const before = await total();
    await db.sql.query(
      `INSERT INTO crime_event (id, month, reported_by, falls_within, geom, crime_type)
       VALUES ('tile-cell-test', '2024-02-01', 'Test', 'Test', ST_SetSRID(ST_MakePoint($1, $2), 4326), 'Burglary')`,
      [cityCentre.lon, cityCentre.lat],
    );
    try {
      expect(await crimeTileCellsCurrent(db.sql)).toBe(false);
      expect(await total()).toBe(before + 1);
      expect(await db.sql.transaction((tx) => refreshCrimeTileCells(tx))).toEqual(['2024-02-01']);
      expect(await crimeTileCellsCurrent(db.sql)).toBe(true);
      expect(await total()).toBe(before + 1);
    } finally {
      await db.sql.query(`DELETE FROM crime_event WHERE id = 'tile-cell-test'`);
      await db.sql.transaction((tx) => refreshCrimeTileCells(tx));
    }
    expect(await total()).toBe(before);
  });

  it('total a cell over every month, and drop the total with the cell’s last crime', async () => {
    // Far from the county's crimes: this tile holds only the crimes the test writes.
    const lonely = { lon: -4.5, lat: 50.5 };
    const z = crimeTileTotalMaxZoom;
    const tile = tileOf(lonely.lon, lonely.lat, z);
    const asked = request({ z, ...tile });
    const write = (statement: string, params: unknown[] = []) =>
      db.sql.transaction(async (tx) => {
        await tx.query(statement, params);
        await refreshCrimeTileCells(tx);
      });
    const insert = (id: string, month: string) =>
      write(
        `INSERT INTO crime_event (id, month, reported_by, falls_within, geom, crime_type)
         VALUES ($1, $2::date, 'Test', 'Test', ST_SetSRID(ST_MakePoint($3, $4), 4326), 'Robbery')`,
        [id, month, lonely.lon, lonely.lat],
      );
    const remove = (id: string) => write(`DELETE FROM crime_event WHERE id LIKE $1`, [id]);
    const clusters = async () => (await tileFeatures(db.prisma, asked)).map(({ count, month }) => ({ count, month }));
    const totals = async () =>
      (
        await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM crime_tile_total WHERE z = $1 AND ${cellTileSql(z).x} = $2 AND ${cellTileSql(z).y} = $3`,
          [z, tile.x, tile.y],
        )
      )[0]?.n;
    try {
      await insert('lonely-january', '2024-01-01');
      await insert('lonely-february', '2024-02-01');
      expect(await clusters()).toEqual([{ count: 2, month: '2024-02' }]);
      expect(await totals()).toBe(1);
      // The latest month goes: the total's month is the one before it, not the one that went.
      await remove('lonely-february');
      expect(await clusters()).toEqual([{ count: 1, month: '2024-01' }]);
      expect(await totals()).toBe(1);
      await remove('lonely-january');
      expect(await clusters()).toEqual([]);
      expect(await totals()).toBe(0);
    } finally {
      await remove('lonely-%');
    }
  });

  it('are the same after the same file is imported again', async () => {
    const snapshot = () =>
      db.sql.query('SELECT z, cx, cy, month, crime_type, n FROM crime_tile_cell ORDER BY z, cx, cy, month, crime_type');
    const before = await snapshot();
    await importPoliceUkFile(db.sql, files[0] as string);
    expect(await crimeTileCellsCurrent(db.sql)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /tiles/:layer/:z/:x/:y.pbf', () => {
  const mansfield = 'E07000174';
  const ashfield = 'E07000170';

  async function signedIn(roles: Parameters<typeof createUser>[1]['roles'], districtCodes: string[] = []) {
    const user = await createUser(db, { roles, districtCodes });
    const client = new HttpClient(app);
    const login = await client.mutation('auth.login', { email: user.email, password: user.password });
    expect(login.status).toBe(200);
    return client.cookie ?? '';
  }

  const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  // The layer names come from the policy table alone; each must have its SQL source in the database.
  it.each(Object.keys(tileLayerPolicies))('draws the %s layer, which has a policy', async (layer) => {
    const found = tileLayers.find((name) => name === layer);
    expect(found).toBeDefined();
    if (!found) return;
    const tile = await renderTile(db.prisma, db.backend, { layer: found, z: 0, x: 0, y: 0, scope: 'all' });
    expect(tile).toBeInstanceOf(Uint8Array);
  });

  it('asks for sign-in first', async () => {
    const response = await get('/tiles/crime/9/251/165.pbf');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { message: 'Sign in to use Lantern' } });
  });

  it('serves a tile with its content type and a private cache', async () => {
    const cookie = await signedIn(['nsd_attendee'], [mansfield]);
    const { x, y } = tileOf(pointIn.E06000018.lon, pointIn.E06000018.lat, 9);
    const response = await get(`/tiles/crime/9/${x}/${y}.pbf?from=2024-01-01&to=2024-01-31`, cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(countInside(decode(response.rawPayload, 'crime'))).toBeGreaterThan(0);
  });

  it.each([
    [
      '/tiles/people/9/1/1.pbf',
      404,
      'Unknown tile layer "people" (layers: crime, intelligence, missing-last-seen, missing-found)',
    ],
    ['/tiles/crime/23/1/1.pbf', 400, 'z: must be 0–22'],
    ['/tiles/crime/2/4/1.pbf', 400, 'x: must be below 4 at zoom 2'],
    ['/tiles/crime/2/1/x.pbf', 400, 'y: Invalid input: expected number, received NaN'],
    ['/tiles/crime/9/1/1.pbf?from=2024-13-01', 400, 'from: must be a date as YYYY-MM-DD'],
    ['/tiles/crime/9/1/1.pbf?from=2024-03-01&to=2024-01-01', 400, 'to: must be on or after from (2024-03-01)'],
    ['/tiles/crime/9/1/1.pbf?colour=red', 400, 'input: Unrecognized key: "colour"'],
    // Regression: Number(' ') and Number('') are 0, so these were served as zoom 0.
    ['/tiles/crime/%20/0/0.pbf', 400, 'z: Invalid input: expected number, received NaN'],
    ['/tiles/crime//0/0.pbf', 400, 'z: Invalid input: expected number, received NaN'],
    ['/tiles/crime/0x1/0/0.pbf', 400, 'z: Invalid input: expected number, received NaN'],
    ['/tiles/crime/1e1/0/0.pbf', 400, 'z: Invalid input: expected number, received NaN'],
  ])('refuses %s with %i naming what is wrong', async (url, status, message) => {
    const cookie = await signedIn(['police_analyst']);
    const response = await get(url, cookie);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: { message } });
  });

  it('refuses missing-episode layers to roles without person-level access', async () => {
    const cookie = await signedIn(['district_officer'], [mansfield]);
    const response = await get('/tiles/missing-found/9/251/165.pbf', cookie);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { message: 'Your role does not give access to the missing-found layer' },
    });
  });

  it('audits a denied layer as every denied procedure is audited', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const client = new HttpClient(app);
    await client.mutation('auth.login', { email: officer.email, password: officer.password });

    const response = await get('/tiles/missing-last-seen/9/251/165.pbf', client.cookie);

    expect(response.statusCode).toBe(403);
    const denial = await db.prisma.auditEvent.findFirst({
      where: { userId: officer.id, action: 'denied' },
      select: { procedure: true, role: true },
    });
    expect(denial).toEqual({ procedure: 'tiles.missing-last-seen', role: 'district_officer' });
  });

  it('draws intelligence only from the caller’s districts', async () => {
    // Five at one spot: the officer's clusters must reach five to be drawn at all
    // (tile-suppression.integration.test.ts).
    for (let i = 0; i < 5; i++) await createIntelligenceRecord(db, { districtCode: mansfield });
    await createIntelligenceRecord(db, { districtCode: ashfield });
    const z = 8;
    const tiles = new Set(
      [pointIn[mansfield], pointIn[ashfield]].map((point) => {
        const { x, y } = tileOf(point.lon, point.lat, z);
        return `${x}/${y}`;
      }),
    );
    const total = async (cookie: string) => {
      let sum = 0;
      for (const key of tiles) {
        const response = await get(`/tiles/intelligence/${z}/${key}.pbf`, cookie);
        expect(response.statusCode).toBe(200);
        sum += countInside(decode(response.rawPayload, 'intelligence'));
      }
      return sum;
    };
    const [{ inMansfield, inBoth }] = (await db.sql.query<{ inMansfield: number; inBoth: number }>(
      `SELECT count(*) FILTER (WHERE district_code = '${mansfield}')::int AS "inMansfield",
        count(*) FILTER (WHERE district_code IN ('${mansfield}', '${ashfield}'))::int AS "inBoth"
       FROM intelligence_report WHERE geom IS NOT NULL`,
    )) as [{ inMansfield: number; inBoth: number }];
    expect(await total(await signedIn(['district_officer'], [mansfield]))).toBe(inMansfield);
    expect(await total(await signedIn(['police_analyst']))).toBeGreaterThanOrEqual(inBoth);
  });
});
