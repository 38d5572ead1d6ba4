import type { Database } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, testServer } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The cross-site guard holds whatever spelling of a path reaches a route. Regression: `/%74rpc/…`
 * was routed to tRPC while the guard compared the raw URL with "/trpc", so a foreign origin read
 * `auth.me`, ended a session with a multipart POST and fetched the audited `nsd.pack`. And an
 * `Origin` that is not a URL answered 500.
 */
let db: Database;
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
  const user = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
  const client = new HttpClient(app);
  await client.mutation('auth.login', { email: user.email, password: user.password });
  cookie = client.cookie ?? '';
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function stillSignedIn(): Promise<boolean> {
  const response = await app.inject({
    method: 'GET',
    url: '/trpc/auth.me',
    headers: { cookie, 'x-lantern-csrf': '1' },
  });
  return response.statusCode === 200;
}

const trpcSpellings = [
  '/trpc',
  '/%74rpc',
  '/%74%72%70%63',
  '/t%72pc',
  '/%2574rpc',
  '/TRPC',
  '/Trpc',
  '//trpc',
  '/./trpc',
];

describe('the cross-site guard on every spelling of /trpc', () => {
  it.each(trpcSpellings)('%s/auth.me from a foreign origin is refused or not found, never answered', async (prefix) => {
    const response = await app.inject({
      method: 'GET',
      url: `${prefix}/auth.me`,
      headers: { cookie, 'x-lantern-csrf': '1', origin: 'http://evil.example' },
    });
    expect([403, 404]).toContain(response.statusCode);
    expect(response.body).not.toContain('district_officer');
  });

  it('refuses /%74rpc/auth.me from a foreign origin with the guard’s message', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/%74rpc/auth.me',
      headers: { cookie, 'x-lantern-csrf': '1', origin: 'http://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { message: 'Requests from origin "http://evil.example" are not allowed' },
    });
  });

  it('refuses a multipart POST to /%74rpc/auth.logout without the header, and the session lives on', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/%74rpc/auth.logout',
      headers: { cookie, 'content-type': 'multipart/form-data; boundary=x', origin: 'http://evil.example' },
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
    });
    expect(response.statusCode).toBe(403);
    expect(await stillSignedIn()).toBe(true);
  });

  it('refuses /%74rpc/nsd.pack without the header', async () => {
    const response = await app.inject({ method: 'GET', url: '/%74rpc/nsd.pack?input=%7B%7D', headers: { cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { message: 'Missing the x-lantern-csrf header required on API requests' },
    });
  });

  it.each([
    ['null', 'null'],
    ['not a URL', 'garbage'],
    ['empty', ''],
    ['a scheme without a host', 'http://'],
  ])('refuses an Origin that is %s with 403, not 500', async (_name, origin) => {
    const response = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { cookie, 'x-lantern-csrf': '1', origin },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe(`Requests from origin ${JSON.stringify(origin)} are not allowed`);
  });

  it('still answers the same origin', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/trpc/auth.me',
      headers: { cookie, 'x-lantern-csrf': '1', origin: 'http://lantern.test:3000', host: 'lantern.test:3000' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('tiles and boundaries under other spellings', () => {
  it.each(['/%74iles', '/%2574iles', '/TILES', '//tiles'])(
    '%s/crime/8/127/84.pbf signed out is refused or not found (the static files refuse //), never a tile',
    async (prefix) => {
      const response = await app.inject({ method: 'GET', url: `${prefix}/crime/8/127/84.pbf` });
      expect([401, 403, 404]).toContain(response.statusCode);
      expect(response.headers['content-type']).not.toBe('application/vnd.mapbox-vector-tile');
    },
  );

  it.each(['/%67eo', '/GEO', '//geo'])(
    '%s/boundaries/districts.geojson answers as /geo does or not at all',
    async (prefix) => {
      const response = await app.inject({ method: 'GET', url: `${prefix}/boundaries/districts.geojson` });
      expect([200, 403, 404]).toContain(response.statusCode);
      if (response.statusCode === 200) expect(response.json().type).toBe('FeatureCollection');
    },
  );
});
