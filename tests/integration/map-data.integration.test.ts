import { createServer, readApiEnv } from '@lantern/api';
import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, HttpClient } from '../support/api.ts';
import { createPlaceRecord } from '../support/domain-factories.ts';
import { createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** What the map asks for besides tiles: its layers, every place in scope, a place's history, place search. */
const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
let analyst: Principal;
let coordinator: Principal;
let officer: Principal;
let attendee: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
  officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
  attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

describe('map.layers', () => {
  it.each([
    ['analyst', () => analyst, ['places', 'intelligence', 'missing-last-seen', 'missing-found', 'crime']],
    ['coordinator', () => coordinator, ['places', 'missing-last-seen', 'missing-found', 'crime']],
    ['district officer', () => officer, ['places', 'intelligence', 'crime']],
    ['NSD attendee', () => attendee, ['places', 'intelligence', 'crime']],
  ])('offers the %s only the layers their role may draw', async (_name, who, expected) => {
    const { layers } = await callerFor(db, who()).map.layers();
    expect(layers.map((layer) => layer.id)).toEqual(expected);
  });

  it('gives each layer the span of its data and its types', async () => {
    await createPlaceRecord(db, {
      districtCode: mansfield,
      category: 'hotel',
      concernSince: '2019-02-03',
      concernUntil: null,
    });
    await db.sql.query(
      `INSERT INTO crime_event (id, month, reported_by, falls_within, crime_type)
       VALUES ('map-test-1', '2019-01-01', 'Test', 'Test', 'Bicycle theft'), ('map-test-2', '2031-05-01', 'Test', 'Test', 'Arson')`,
    );
    const { layers } = await callerFor(db, analyst).map.layers();
    const crime = layers.find((layer) => layer.id === 'crime');
    expect(crime).toMatchObject({ kind: 'tiles', from: '2019-01-01', to: '2031-05-31' });
    expect(crime?.types).toEqual(expect.arrayContaining(['Arson', 'Bicycle theft']));
    const places = layers.find((layer) => layer.id === 'places');
    expect(places?.kind).toBe('places');
    expect(places?.from).toBe('2019-02-03');
    expect(places?.types).toContain('hotel');
  });
});

describe('a configured basemap', () => {
  it('reaches the client through map.layers and opens the CSP to its origins only', async () => {
    const app = await createServer({
      db,
      env: readApiEnv({
        NODE_ENV: 'test',
        LANTERN_BASEMAP_STYLE_URL: 'https://tiles.example.org/styles/liberty',
        LANTERN_BASEMAP_ORIGINS: 'https://glyphs.example.net/fonts',
        LANTERN_BASEMAP_ATTRIBUTION: '© Example basemap contributors',
      }),
    });
    try {
      const user = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
      const client = new HttpClient(app);
      expect((await client.mutation('auth.login', { email: user.email, password: user.password })).status).toBe(200);
      const layers = await client.query('map.layers');
      expect((layers.body.result?.data as { basemap: unknown } | undefined)?.basemap).toEqual({
        styleUrl: 'https://tiles.example.org/styles/liberty',
        attribution: '© Example basemap contributors',
      });
      const page = await app.inject({ method: 'GET', url: '/healthz' });
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("connect-src 'self' https://tiles.example.org https://glyphs.example.net;");
    } finally {
      await app.close();
    }
  });

  it('is absent by default, and the CSP connects only to the server itself', async () => {
    const { basemap } = await callerFor(db, analyst).map.layers();
    expect(basemap).toBeNull();
    const app = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }) });
    const page = await app.inject({ method: 'GET', url: '/healthz' });
    expect(String(page.headers['content-security-policy'])).toContain("connect-src 'self';");
    await app.close();
  });

  it('refuses to start with a basemap URL that is not http(s)', () => {
    expect(() => readApiEnv({ NODE_ENV: 'test', LANTERN_BASEMAP_STYLE_URL: 'javascript:alert(1)' })).toThrow(
      /LANTERN_BASEMAP_STYLE_URL/,
    );
  });
});

describe('map.places', () => {
  it('lists every place in the caller’s districts, however many, and none outside them', async () => {
    const created = [];
    for (let i = 0; i < 205; i++) created.push(await createPlaceRecord(db, { districtCode: mansfield }));
    const elsewhere = await createPlaceRecord(db, { districtCode: gedling });
    const asOfficer = await callerFor(db, officer).map.places();
    const ids = new Set(asOfficer.places.map((place) => place.id));
    for (const place of created) expect(ids.has(place.id)).toBe(true);
    expect(ids.has(elsewhere.id)).toBe(false);
    expect(asOfficer.places.every((place) => place.districtCode === mansfield)).toBe(true);
    const asAnalyst = await callerFor(db, analyst).map.places();
    expect(asAnalyst.places.map((place) => place.id)).toContain(elsewhere.id);
  });
});

describe('places.list by name', () => {
  it('finds a place by a misspelt name and puts the closest first', async () => {
    const wanted = await createPlaceRecord(db, { districtCode: mansfield, name: 'Kingfisher Hotel' });
    await createPlaceRecord(db, { districtCode: mansfield, name: 'Kingsway Park' });
    const { places } = await callerFor(db, officer).places.list({ name: 'kingfishr hotel', limit: 10 });
    expect(places[0]?.id).toBe(wanted.id);
  });
});

describe('places.history', () => {
  it('shows who created and changed a place, newest first', async () => {
    const caller = callerFor(db, officer);
    const place = await caller.places.create({
      name: 'Station car park',
      category: 'car_park',
      address: null,
      lon: -1.1992,
      lat: 53.1753,
      concernSince: '2025-01-01',
      reasons: ['cars waiting near the school at home time'],
    });
    await caller.places.update({ id: place.id, version: place.version, changes: { name: 'Station car park (north)' } });
    const { events } = await callerFor(db, attendee).places.history({ id: place.id });
    expect(events.map((event) => event.change)).toEqual(['updated', 'created']);
    expect(events.every((event) => event.by === officer.displayName)).toBe(true);
  });

  it('is NOT_FOUND for a place outside the caller’s districts', async () => {
    const elsewhere = await createPlaceRecord(db, { districtCode: gedling });
    expect(await rejection(callerFor(db, attendee).places.history({ id: elsewhere.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No place ${elsewhere.id} in your districts`,
    });
  });
});

describe('map.orientation and map.streetNames', () => {
  it('names every ward at a point inside it, and the towns largest first', async () => {
    const { towns, wards } = await callerFor(db, attendee).map.orientation();
    expect(towns[0]).toMatchObject({ name: 'Nottingham city centre' });
    expect(towns.map((town) => town.name)).toEqual(expect.arrayContaining(['Mansfield', 'Worksop', 'Newark-on-Trent']));
    expect(towns.every((town, index) => index === 0 || (towns[index - 1]?.size ?? 0) >= town.size)).toBe(true);
    const [row] = await db.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM ward');
    expect(wards).toHaveLength(row?.count ?? -1);
    // Each label point lies inside its own ward.
    const outside = await db.sql.query<{ name: string }>(
      `SELECT l.name FROM jsonb_to_recordset($1::jsonb) AS l(name text, lon float8, lat float8)
       WHERE NOT EXISTS (SELECT 1 FROM ward w WHERE w.name = l.name AND ST_Contains(w.geom, ST_SetSRID(ST_MakePoint(l.lon, l.lat), 4326)))`,
      [JSON.stringify(wards)],
    );
    expect(outside).toEqual([]);
  });

  it('names the streets in a view from police.uk locations, one point per name, and no point-of-interest category', async () => {
    await db.sql.query(
      `INSERT INTO crime_event (id, month, reported_by, falls_within, crime_type, location, geom)
       SELECT 'street-' || n, '2024-01-01', 'Test', 'Test', 'Burglary', loc, ST_SetSRID(ST_MakePoint(lon, lat), 4326)
       FROM (VALUES (1, 'On or near Westgate', -1.2, 53.145), (2, 'On or near Westgate', -1.2, 53.145),
                    (3, 'On or near Westgate', -1.201, 53.146), (4, 'On or near Supermarket', -1.19, 53.14),
                    (5, 'On or near Church Street', -1.195, 53.142), (6, 'On or near Far Lane', -1.0, 53.0))
         AS v(n, loc, lon, lat)`,
    );
    const view = { west: -1.22, south: 53.13, east: -1.17, north: 53.16 };
    const { streets, truncated } = await callerFor(db, officer).map.streetNames(view);
    expect(streets).toEqual([
      { name: 'Westgate', lon: -1.2, lat: 53.145 },
      { name: 'Church Street', lon: -1.195, lat: 53.142 },
    ]);
    expect(truncated).toBe(false);
  });

  it('refuses a view too large for street names, naming the field', async () => {
    const error = await rejection(
      callerFor(db, analyst).map.streetNames({ west: -1.5, south: 52.8, east: -0.7, north: 53.5 }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^east: the view is too large for street names/);
  });
});
