import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from './connect.ts';
import { DistrictLocator, districtRows } from './district-locator.ts';
import type { Sql } from './sql.ts';

/** DistrictLocator against the rule it stands in for, SQL's lantern_district_for_point. */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

type Point = [lon: number, lat: number];

async function inSql(sql: Sql, points: readonly Point[]): Promise<Array<string | null>> {
  const rows = await sql.query<{ code: string | null }>(
    `SELECT lantern_district_for_point(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) AS code
     FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lon, lat, n) ORDER BY p.n`,
    [points.map(([lon]) => lon), points.map(([, lat]) => lat)],
  );
  return rows.map((row) => row.code);
}

async function inNode(sql: Sql, points: readonly Point[]): Promise<Array<string | null>> {
  const locator = new DistrictLocator(await districtRows(sql));
  return points.map(([lon, lat]) => locator.at(lon, lat));
}

/** A grid over the districts' extent and a margin beyond it, 120 × 120 points. */
async function grid(sql: Sql): Promise<Point[]> {
  const [extent] = await sql.query<{ west: number; south: number; east: number; north: number }>(
    `SELECT ST_XMin(e) - 0.05 AS west, ST_YMin(e) - 0.05 AS south, ST_XMax(e) + 0.05 AS east, ST_YMax(e) + 0.05 AS north
     FROM (SELECT ST_Extent(geom)::geometry AS e FROM district) x`,
  );
  if (!extent) throw new Error('no districts');
  const points: Point[] = [];
  for (let i = 0; i < 120; i++)
    for (let j = 0; j < 120; j++)
      points.push([
        extent.west + ((extent.east - extent.west) * i) / 119,
        extent.south + ((extent.north - extent.south) * j) / 119,
      ]);
  return points;
}

/** Every vertex of every district's rings: points on the boundaries, where two districts meet. */
async function vertices(sql: Sql): Promise<Point[]> {
  const rows = await sql.query<{ lon: number; lat: number }>(
    `SELECT ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat FROM (SELECT (ST_DumpPoints(geom)).geom FROM district) d`,
  );
  return rows.map((row) => [row.lon, row.lat]);
}

describe('DistrictLocator', () => {
  it('answers as lantern_district_for_point across the county and beyond it', async () => {
    const points = await grid(db.sql);
    const expected = await inSql(db.sql, points);
    // The grid reaches every district and the land outside them, so a wrong answer shows.
    expect(new Set(expected).size).toBe(9);
    expect(await inNode(db.sql, points)).toEqual(expected);
  });

  it('answers as lantern_district_for_point on the districts’ boundaries', async () => {
    const points = await vertices(db.sql);
    expect(points.length).toBeGreaterThan(3_000);
    const expected = await inSql(db.sql, points);
    expect(expected).not.toContain(null);
    expect(await inNode(db.sql, points)).toEqual(expected);
  });

  it('gives an overlap to the district lantern_district_for_point prefers: unitary first, then by code', async () => {
    await db.sql
      .transaction(async (tx) => {
        // Two made-up districts over the county's middle: a unitary one that wins everywhere it
        // reaches, and a district whose code sorts before every real one.
        await tx.query(
          `INSERT INTO district (code, name, kind, geom) VALUES
             ('E06999999', 'Made-up unitary', 'unitary', ST_Multi(ST_MakeEnvelope(-1.20, 52.95, -1.10, 53.05, 4326))),
             ('E07000000', 'Made-up district', 'district', ST_Multi(ST_MakeEnvelope(-1.15, 53.00, -0.90, 53.20, 4326)))`,
        );
        const points = await grid(tx);
        const expected = await inSql(tx, points);
        expect(expected).toContain('E06999999');
        expect(expected).toContain('E07000000');
        expect(await inNode(tx, points)).toEqual(expected);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
    expect(await inNode(db.sql, [[-1.15, 53.02]])).not.toEqual(['E06999999']);
  });

  it('finds no district for a point outside every one', async () => {
    expect(await inNode(db.sql, [[0, 0]])).toEqual([null]);
  });
});

class RolledBack extends Error {}
