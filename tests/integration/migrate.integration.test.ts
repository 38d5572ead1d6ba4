import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { type Database, loadBoundaries, migrate, readMigrations, shippedPath } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('migrations', () => {
  it('records every migration folder the way Prisma does', async () => {
    const folders = readdirSync(shippedPath('prisma/migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const rows = await db.sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished: boolean;
    }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished
       FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      const script = readFileSync(shippedPath(`prisma/migrations/${row.migration_name}/migration.sql`));
      expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
      expect(row).toMatchObject({ applied_steps_count: 1, finished: true });
    }
  });

  it('applies nothing the second time', async () => {
    const report = await migrate(db.sql);
    expect(report).toEqual({ applied: [], alreadyApplied: readMigrations().length, total: readMigrations().length });
  });

  it('refuses a migration edited after it was applied', async () => {
    const [first, ...rest] = readMigrations();
    if (!first) throw new Error('no migrations');
    const edited = { ...first, checksum: 'f'.repeat(64) };
    await expect(migrate(db.sql, [edited, ...rest])).rejects.toThrow(
      `migration ${first.name} was modified after it was applied`,
    );
  });

  it('leaves nothing behind when a migration fails', async () => {
    const broken = {
      name: '29990101000000_broken',
      script: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
      checksum: 'a'.repeat(64),
    };
    await expect(migrate(db.sql, [...readMigrations(), broken])).rejects.toThrow(
      /^migration 29990101000000_broken failed: .*no_such_function/,
    );
    const [table] = await db.sql.query<{ present: boolean }>(`SELECT to_regclass('half_done') IS NOT NULL AS present`);
    expect(table?.present).toBe(false);
    const [row] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1`,
      [broken.name],
    );
    expect(row?.n).toBe(0);
  });
});

describe('boundaries', () => {
  it('loads every district, ward and LSOA of the bundled files, valid and in EPSG:4326', async () => {
    const expected = (file: string) =>
      (JSON.parse(readFileSync(shippedPath(file), 'utf8')) as { features: unknown[] }).features.length;
    const [counts] = await db.sql.query<{
      districts: number;
      wards: number;
      lsoas: number;
      invalid: number;
      srids: number[];
    }>(
      `SELECT (SELECT count(*)::int FROM district) AS districts, (SELECT count(*)::int FROM ward) AS wards,
              (SELECT count(*)::int FROM lsoa) AS lsoas,
              (SELECT count(*)::int FROM (SELECT geom FROM district UNION ALL SELECT geom FROM ward UNION ALL SELECT geom FROM lsoa) g
                WHERE NOT ST_IsValid(geom)) AS invalid,
              ARRAY(SELECT DISTINCT ST_SRID(geom) FROM district) AS srids`,
    );
    expect(counts).toEqual({
      districts: expected('data/nottinghamshire-districts.geojson'),
      wards: expected('data/nottinghamshire-wards.geojson'),
      lsoas: expected('data/nottinghamshire-lsoa-2011.geojson'),
      invalid: 0,
      srids: [4326],
    });
  });

  it('is a no-op when the files have not changed', async () => {
    const report = await loadBoundaries(db.sql);
    expect(report.loaded).toEqual({});
    expect(report.unchanged).toHaveLength(3);
  });

  it('places a place of concern in its district by its point', async () => {
    const insert = (name: string, lon: number, lat: number) =>
      db.sql.query<{ district_code: string | null }>(
        `INSERT INTO place_of_concern (name, category, geom, concern_since)
         VALUES ($1, 'park', ST_SetSRID(ST_MakePoint($2, $3), 4326), '2025-01-01') RETURNING district_code`,
        [name, lon, lat],
      );
    // Old Market Square (city), Mansfield market place, and a point in Leicester (outside the area).
    expect((await insert('Square', -1.1497, 52.9533))[0]?.district_code).toBe('E06000018');
    expect((await insert('Market', -1.1985, 53.1439))[0]?.district_code).toBe('E07000174');
    expect((await insert('Elsewhere', -1.1332, 52.6369))[0]?.district_code).toBeNull();
  });
});
