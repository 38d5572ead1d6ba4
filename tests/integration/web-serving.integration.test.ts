import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, readApiEnv } from '@lantern/api';
import type { Database } from '@lantern/db';
import { districts } from '@lantern/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The plain routes beside tRPC: the open boundary GeoJSON for the map, and the built web app at
 * `/` with client-side routes falling back to index.html (here a tiny stand-in build).
 */
let db: Database;
let app: FastifyInstance;
let webRoot: string;

const indexHtml =
  '<!doctype html><html lang="en"><head><title>Lantern</title></head><body>stand-in build</body></html>';

beforeAll(async () => {
  db = await createTestDatabase();
  webRoot = mkdtempSync(join(tmpdir(), 'lantern-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), indexHtml);
  writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log("app");');
  app = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }), webRoot });
});

afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(webRoot, { recursive: true, force: true });
});

interface FeatureCollection {
  type: string;
  features: Array<{
    id: string;
    bbox: [number, number, number, number];
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown[] };
  }>;
}

describe('GET /geo/boundaries/:layer.geojson', () => {
  it('returns the eight districts with names, kinds, a label point inside each bbox, without signing in', async () => {
    const response = await app.inject({ method: 'GET', url: '/geo/boundaries/districts.geojson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = response.json<FeatureCollection>();
    expect(collection.type).toBe('FeatureCollection');
    expect(
      collection.features.map((feature) => ({
        code: feature.properties.code,
        name: feature.properties.name,
        kind: feature.properties.kind,
      })),
    ).toEqual(districts.map(({ code, name, kind }) => ({ code, name, kind })));
    for (const feature of collection.features) {
      const [west, south, east, north] = feature.bbox;
      expect(feature.id).toBe(feature.properties.code);
      expect(feature.geometry.type).toBe('MultiPolygon');
      expect(feature.properties.labelLon).toBeGreaterThanOrEqual(west);
      expect(feature.properties.labelLon).toBeLessThanOrEqual(east);
      expect(feature.properties.labelLat).toBeGreaterThanOrEqual(south);
      expect(feature.properties.labelLat).toBeLessThanOrEqual(north);
    }
  });

  it('returns the 188 wards, each naming its district', async () => {
    const response = await app.inject({ method: 'GET', url: '/geo/boundaries/wards.geojson' });
    expect(response.statusCode).toBe(200);
    const collection = response.json<FeatureCollection>();
    expect(collection.features).toHaveLength(188);
    const districtCodes: ReadonlySet<string> = new Set(districts.map((district) => district.code));
    for (const feature of collection.features) {
      expect(districtCodes.has(String(feature.properties.districtCode))).toBe(true);
      expect(feature.geometry.type).toBe('MultiPolygon');
    }
  });

  it('is cacheable: an ETag and Cache-Control, and 304 with no body when the ETag still matches', async () => {
    const first = await app.inject({ method: 'GET', url: '/geo/boundaries/districts.geojson' });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"districts-v1-[0-9a-f]{16}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=3600, must-revalidate');

    const again = await app.inject({
      method: 'GET',
      url: '/geo/boundaries/districts.geojson',
      headers: { 'if-none-match': `W/"stale", ${etag}` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
  });

  it('gives the two layers different ETags', async () => {
    const districtsResponse = await app.inject({ method: 'GET', url: '/geo/boundaries/districts.geojson' });
    const wardsResponse = await app.inject({ method: 'GET', url: '/geo/boundaries/wards.geojson' });
    expect(wardsResponse.headers.etag).toMatch(/^"wards-v1-[0-9a-f]{16}"$/);
    expect(wardsResponse.headers.etag).not.toBe(districtsResponse.headers.etag);
  });

  it('answers 404 naming the layers there are for an unknown layer', async () => {
    const response = await app.inject({ method: 'GET', url: '/geo/boundaries/lsoa.geojson' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { message: 'Unknown boundary layer "lsoa" (layers: districts, wards)' },
    });
  });
});

describe('the web app at /', () => {
  it('serves index.html at / under the strict CSP, never cached without revalidation', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(indexHtml);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self';style-src 'self'");
  });

  it('falls back to index.html for a client-side route', async () => {
    const response = await app.inject({ method: 'GET', url: '/districts/E07000174?tab=counts' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe(indexHtml);
  });

  it('serves hashed assets as immutable', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['a missing asset', '/assets/index-gone.js'],
    ['a missing file', '/favicon.ico'],
    ['an unknown geo path', '/geo/nothing'],
  ])('answers 404, not the app, for %s', async (_name, url) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { message: `Nothing at GET ${url}` } });
  });

  it('leaves unknown tRPC procedures to tRPC', async () => {
    const response = await app.inject({ method: 'GET', url: '/trpc/nothing.here', headers: { 'x-lantern-csrf': '1' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.data.code).toBe('NOT_FOUND');
  });

  it('shows the placeholder page when no build is given', async () => {
    const bare = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }), webRoot: null });
    try {
      const response = await bare.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('The web app is not built: run <code>pnpm build</code>.');
    } finally {
      await bare.close();
    }
  });
});
