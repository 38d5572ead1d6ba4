import { join } from 'node:path';
import {
  cellTileSql,
  type Database,
  importPoliceUkFile,
  shippedPath,
  TileCache,
  type TileRequest,
  tileCacheKey,
  tileDataVersion,
} from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedInClient, testServer } from '../support/api.ts';
import { createIntelligenceRecord, pointIn } from '../support/domain-factories.ts';
import { createUser, type UserOptions } from '../support/factories.ts';
import { tileOf } from '../support/slippy-tile.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { countInside } from '../support/vector-tile.ts';

/**
 * The tile cache (packages/db/src/tile-cache.ts): ETags answer revalidation with 304, a write to
 * a layer's data (an import, an edit) replaces its cached tiles, callers whose scope differs never
 * share an entry, and the access decision (with its audit) comes before any cached answer.
 */
const mansfield = 'E07000174';
const ashfield = 'E07000170';
const policeUk = (month: string) => shippedPath(join('data', 'police-uk', `${month}-nottinghamshire-street.csv`));
/** Nottingham city centre: crime in both shipped months. */
const cityCentre = { lon: -1.1478, lat: 52.9536 };

let db: Database;
let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase();
  await importPoliceUkFile(db.sql, policeUk('2024-01'));
  app = await testServer(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function signedIn(options: UserOptions): Promise<string> {
  return (await signedInClient(app, db, options)).cookie ?? '';
}

const get = (url: string, cookie: string, etag?: string) =>
  app.inject({ method: 'GET', url, headers: { cookie, ...(etag ? { 'if-none-match': etag } : {}) } });

function tileUrl(layer: string, z: number, point: { lon: number; lat: number }) {
  const { x, y } = tileOf(point.lon, point.lat, z);
  return `/tiles/${layer}/${z}/${x}/${y}.pbf`;
}

describe('ETag', () => {
  it('answers a revalidation with 304 and no body, and a changed ETag with the tile', async () => {
    const cookie = await signedIn({ roles: ['police_analyst'] });
    const url = `${tileUrl('crime', 10, cityCentre)}?types=Burglary,Drugs`;
    const first = await get(url, cookie);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);

    const again = await get(url, cookie, etag);
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.byteLength).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');

    expect((await get(url, cookie, `W/${etag}, "other"`)).statusCode).toBe(304);
    const other = await get(url, cookie, '"not-this-one"');
    expect(other.statusCode).toBe(200);
    expect(other.rawPayload).toEqual(first.rawPayload);
  });

  it('is the same for the same filters in another order, and differs for other filters', async () => {
    const cookie = await signedIn({ roles: ['police_analyst'] });
    const url = tileUrl('crime', 9, cityCentre);
    const drugsBurglary = await get(`${url}?types=Drugs,Burglary`, cookie);
    const burglaryDrugs = await get(`${url}?types=Burglary,Drugs`, cookie);
    const burglary = await get(`${url}?types=Burglary`, cookie);
    expect(burglaryDrugs.headers.etag).toBe(drugsBurglary.headers.etag);
    expect(burglary.headers.etag).not.toBe(drugsBurglary.headers.etag);
  });
});

describe('a cached tile', () => {
  it('is replaced after an import adds crime to it', async () => {
    const cookie = await signedIn({ roles: ['police_analyst'] });
    const url = tileUrl('crime', 9, cityCentre);
    const before = await get(url, cookie);
    const january = countInside(before.rawPayload, 'crime');
    expect(january).toBeGreaterThan(0);
    expect((await get(url, cookie, before.headers.etag as string)).statusCode).toBe(304);

    await importPoliceUkFile(db.sql, policeUk('2024-02'));

    const revalidated = await get(url, cookie, before.headers.etag as string);
    expect(revalidated.statusCode).toBe(200);
    const [{ crimes }] = (await db.sql.query<{ crimes: number }>(
      `SELECT count(*)::int AS crimes FROM crime_event WHERE geom IS NOT NULL AND month = '2024-02-01'
         AND ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(9, $1, $2))`,
      [tileOf(cityCentre.lon, cityCentre.lat, 9).x, tileOf(cityCentre.lon, cityCentre.lat, 9).y],
    )) as [{ crimes: number }];
    expect(crimes).toBeGreaterThan(0);
    // A point exactly on the tile's right or bottom edge belongs to the next tile.
    expect(Math.abs(countInside(revalidated.rawPayload, 'crime') - (january + crimes))).toBeLessThanOrEqual(1);
  });

  it('is served from the cache until the data version moves', async () => {
    const cookie = await signedIn({ roles: ['police_analyst'] });
    const url = tileUrl('crime', 7, cityCentre);
    const before = countInside((await get(url, cookie)).rawPayload, 'crime');
    // A write that bypasses every writer's bump: the cached tile stands (this is what the version guards) ...
    const { x, y } = tileOf(cityCentre.lon, cityCentre.lat, 7);
    const cell = `z = 7 AND ${cellTileSql(7).x} = $1 AND ${cellTileSql(7).y} = $2`;
    const doubled = `UPDATE crime_tile_total SET n = n * 2, sx = sx * 2, sy = sy * 2 WHERE ${cell}`;
    await db.sql.query(doubled, [x, y]);
    try {
      expect(countInside((await get(url, cookie)).rawPayload, 'crime')).toBe(before);
      // ... and a bump replaces it.
      await db.sql.query(`UPDATE tile_data_version SET version = version + 1 WHERE layer = 'crime'`);
      expect(countInside((await get(url, cookie)).rawPayload, 'crime')).toBe(before * 2);
    } finally {
      await db.sql.query(`UPDATE crime_tile_total SET n = n / 2, sx = sx / 2, sy = sy / 2 WHERE ${cell}`, [x, y]);
      await db.sql.query(`UPDATE tile_data_version SET version = version + 1 WHERE layer = 'crime'`);
    }
  });

  it('is replaced after an intelligence report is added, by the table’s trigger', async () => {
    const cookie = await signedIn({ roles: ['police_analyst'] });
    const url = tileUrl('intelligence', 12, pointIn[ashfield]);
    const version = await tileDataVersion(db.sql, 'intelligence');
    const before = countInside((await get(url, cookie)).rawPayload, 'intelligence');
    await createIntelligenceRecord(db, { districtCode: ashfield });
    expect(await tileDataVersion(db.sql, 'intelligence')).not.toBe(version);
    expect(countInside((await get(url, cookie)).rawPayload, 'intelligence')).toBe(before + 1);
  });
});

describe('callers with different scopes', () => {
  it('never share a cached intelligence tile: the analyst’s does not reach the district officer', async () => {
    for (let i = 0; i < 5; i++) await createIntelligenceRecord(db, { districtCode: mansfield });
    for (let i = 0; i < 5; i++) await createIntelligenceRecord(db, { districtCode: ashfield });
    // Zoom 8 holds both districts in one tile.
    const url = tileUrl('intelligence', 8, pointIn[mansfield]);
    expect(tileUrl('intelligence', 8, pointIn[ashfield])).toBe(url);
    const [{ inMansfield }] = (await db.sql.query<{ inMansfield: number }>(
      `SELECT count(*)::int AS "inMansfield" FROM intelligence_report WHERE district_code = $1`,
      [mansfield],
    )) as [{ inMansfield: number }];

    const analyst = await get(url, await signedIn({ roles: ['police_analyst'] }));
    const officer = await get(url, await signedIn({ roles: ['district_officer'], districtCodes: [mansfield] }));
    expect(countInside(analyst.rawPayload, 'intelligence')).toBeGreaterThan(inMansfield);
    expect(countInside(officer.rawPayload, 'intelligence')).toBe(inMansfield);
    expect(officer.headers.etag).not.toBe(analyst.headers.etag);

    // The analyst's ETag does not revalidate the officer's tile.
    const officerCookie = await signedIn({ roles: ['district_officer'], districtCodes: [mansfield] });
    const revalidated = await get(url, officerCookie, analyst.headers.etag as string);
    expect(revalidated.statusCode).toBe(200);
    expect(countInside(revalidated.rawPayload, 'intelligence')).toBe(inMansfield);
    // Two officers with the same districts share it.
    expect(revalidated.headers.etag).toBe(officer.headers.etag);

    // Same role, audience and small-count limit, other districts: its own entry, never the first officer's.
    const [{ inBoth }] = (await db.sql.query<{ inBoth: number }>(
      `SELECT count(*)::int AS "inBoth" FROM intelligence_report WHERE district_code IN ($1, $2)`,
      [mansfield, ashfield],
    )) as [{ inBoth: number }];
    const wider = await get(url, await signedIn({ roles: ['district_officer'], districtCodes: [ashfield, mansfield] }));
    expect(countInside(wider.rawPayload, 'intelligence')).toBe(inBoth);
    expect(inBoth).toBeGreaterThan(inMansfield);
  });
});

describe('a denied caller', () => {
  it('gets 403 and an audit event even when the tile is cached and its ETag is sent', async () => {
    const url = tileUrl('missing-last-seen', 9, pointIn[mansfield]);
    const allowed = await get(url, await signedIn({ roles: ['police_analyst'] }));
    expect(allowed.statusCode).toBe(200);

    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const client = new HttpClient(app);
    await client.mutation('auth.login', { email: officer.email, password: officer.password });
    for (const etag of [undefined, allowed.headers.etag as string]) {
      const denied = await get(url, client.cookie ?? '', etag);
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toEqual({
        error: { message: 'Your role does not give access to the missing-last-seen layer' },
      });
      expect(denied.headers.etag).toBeUndefined();
    }
    const denials = await db.prisma.auditEvent.findMany({
      where: { userId: officer.id, action: 'denied' },
      select: { procedure: true, role: true },
    });
    expect(denials).toEqual([
      { procedure: 'tiles.missing-last-seen', role: 'district_officer' },
      { procedure: 'tiles.missing-last-seen', role: 'district_officer' },
    ]);
  });
});

describe('tileCacheKey', () => {
  const crime: TileRequest = { layer: 'crime', z: 9, x: 251, y: 165, scope: 'all' };

  it('ignores the scope on the open crime layer and the order of types and districts elsewhere', () => {
    expect(tileCacheKey({ ...crime, scope: [mansfield] }, '1')).toBe(tileCacheKey(crime, '1'));
    expect(tileCacheKey({ ...crime, types: ['Drugs', 'Burglary'] }, '1')).toBe(
      tileCacheKey({ ...crime, types: ['Burglary', 'Drugs'] }, '1'),
    );
    const intelligence: TileRequest = { ...crime, layer: 'intelligence', scope: [mansfield, ashfield] };
    expect(tileCacheKey(intelligence, '1')).toBe(tileCacheKey({ ...intelligence, scope: [ashfield, mansfield] }, '1'));
  });

  it('differs by scope, audience, small-count limit and data version', () => {
    const intelligence: TileRequest = { ...crime, layer: 'intelligence', scope: [mansfield] };
    const key = tileCacheKey(intelligence, '1');
    expect(tileCacheKey({ ...intelligence, scope: 'all' }, '1')).not.toBe(key);
    expect(tileCacheKey({ ...intelligence, scope: [ashfield] }, '1')).not.toBe(key);
    expect(tileCacheKey({ ...intelligence, intelligenceAudience: 'analyst' }, '1')).not.toBe(key);
    expect(tileCacheKey({ ...intelligence, minCount: 5 }, '1')).not.toBe(key);
    expect(tileCacheKey(intelligence, '2')).not.toBe(key);
  });
});

describe('warming', () => {
  it('renders the crime tiles that hold crime up to the zoom configured, once per data version', async () => {
    const cache = new TileCache(db, { maxBytes: 64 * 1024 * 1024, warmMaxZoom: 6 });
    try {
      await cache.address({ layer: 'crime', z: 0, x: 0, y: 0, scope: 'all' });
      await cache.warmed();
      const [{ tiles }] = (await db.sql.query<{ tiles: number }>(
        `SELECT count(*)::int AS tiles FROM (SELECT DISTINCT z, cx / 64, cy / 64 FROM crime_tile_cell WHERE z <= 6) t`,
      )) as [{ tiles: number }];
      expect(tiles).toBeGreaterThanOrEqual(7);
      expect(cache.stats.entries).toBe(tiles);
      await cache.address({ layer: 'crime', z: 0, x: 0, y: 0, scope: 'all' });
      await cache.warmed();
      expect(cache.stats.entries).toBe(tiles);
    } finally {
      await cache.close();
    }
  });
});
