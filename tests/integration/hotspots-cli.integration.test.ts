import { givenDatabase, type Io, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';

// A real police.uk month shipped with Lantern (data/police-uk), imported once for the file.
const january = new URL('../../data/police-uk/2024-01-nottinghamshire-street.csv', import.meta.url).pathname;
const nottingham = 'E06000018';

interface HotspotJson {
  cell: number;
  band: number;
  cells: { id: string; x: number; y: number; count: number; z: number; p: number; bin: number }[];
  fdr: boolean;
}

let db: Database;

async function lantern(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await run(argv, io, givenDatabase(db));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function crimeCount(crimeType: string | null) {
  const [row] = await db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM crime_event
     WHERE district_code = $1 AND month = '2024-01-01' AND geom IS NOT NULL AND ($2::text IS NULL OR crime_type = $2)`,
    [nottingham, crimeType],
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const imported = await lantern('import', 'police-uk', january);
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(() => db.close());

describe('lantern hotspots --format json', () => {
  it('gives docs/ARCHITECTURE.md’s Hotspot JSON: every cell of the city, zeros included', async () => {
    const { code, stdout, stderr } = await lantern(
      'hotspots',
      '--source',
      'police-uk',
      '--from',
      '2024-01-01',
      '--to',
      '2024-01-31',
      '--district',
      nottingham,
      '--format',
      'json',
    );
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout) as HotspotJson;
    expect(Object.keys(result)).toEqual(['cell', 'band', 'cells', 'fdr']);
    expect([result.cell, result.band, result.fdr]).toEqual([250, 750, true]);
    expect(Object.keys(result.cells[0] ?? {})).toEqual(['id', 'x', 'y', 'count', 'z', 'p', 'bin']);
    // The city is about 75 km²: some 1 200 cells of 250 m, most of them without a crime.
    expect(result.cells.length).toBeGreaterThan(1100);
    expect(result.cells.length).toBeLessThan(1300);
    expect(result.cells.some((cell) => cell.count === 0)).toBe(true);
    for (const cell of result.cells) {
      expect((cell.x - 125) % 250).toBe(0);
      expect(cell.id).toBe(`E${cell.x - 125}N${cell.y - 125}`);
      expect(Math.abs(cell.bin)).toBeLessThanOrEqual(3);
    }
    // Crimes on the city's edge whose cell centre lies outside are not in a cell: a handful at most.
    const counted = result.cells.reduce((sum, cell) => sum + cell.count, 0);
    const inCity = await crimeCount(null);
    expect(counted).toBeLessThanOrEqual(inCity);
    expect(counted).toBeGreaterThan(inCity * 0.97);
    expect(result.cells.filter((cell) => cell.bin === 3).length).toBeGreaterThan(0);
  });

  it('filters by crime type', async () => {
    const { code, stdout } = await lantern(
      'hotspots',
      '--source',
      'police-uk',
      '--district',
      nottingham,
      '--crime-type',
      'Burglary',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as HotspotJson;
    const counted = result.cells.reduce((sum, cell) => sum + cell.count, 0);
    const burglaries = await crimeCount('Burglary');
    expect(burglaries).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(burglaries);
    expect(counted).toBeGreaterThan(burglaries * 0.9);
  });

  it('marks no more cells significant with FDR than without, and says which it used', async () => {
    const base = ['hotspots', '--source', 'police-uk', '--district', nottingham, '--cell', '500', '--band', '1500'];
    const withFdr = JSON.parse((await lantern(...base)).stdout) as HotspotJson;
    const withoutFdr = JSON.parse((await lantern(...base, '--no-fdr')).stdout) as HotspotJson;
    expect([withFdr.fdr, withoutFdr.fdr, withFdr.cell, withFdr.band]).toEqual([true, false, 500, 1500]);
    const significant = (result: HotspotJson) => result.cells.filter((cell) => cell.bin !== 0).length;
    expect(significant(withFdr)).toBeLessThan(significant(withoutFdr));
    expect(withFdr.cells.map((cell) => cell.z)).toEqual(withoutFdr.cells.map((cell) => cell.z));
  });
});

describe('lantern hotspots --format geojson', () => {
  it('gives the cells as closed WGS84 squares with the same properties', async () => {
    const { code, stdout } = await lantern(
      'hotspots',
      '--source',
      'police-uk',
      '--district',
      nottingham,
      '--format',
      'geojson',
    );
    expect(code).toBe(0);
    const collection = JSON.parse(stdout) as {
      type: string;
      features: {
        id: string;
        geometry: { type: string; coordinates: number[][][] };
        properties: Record<string, number>;
      }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(1100);
    const [first] = collection.features;
    const ring = first?.geometry.coordinates[0] ?? [];
    expect(first?.geometry.type).toBe('Polygon');
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(-1.3);
      expect(lon).toBeLessThan(-1.0);
      expect(lat).toBeGreaterThan(52.8);
      expect(lat).toBeLessThan(53.1);
    }
    expect(Object.keys(first?.properties ?? {})).toEqual(['id', 'x', 'y', 'count', 'z', 'p', 'bin']);
  });
});

describe('lantern hotspots with bad input', () => {
  it('names the flag and the value for a cell too small', async () => {
    const { code, stderr } = await lantern('hotspots', '--source', 'police-uk', '--cell', '10');
    expect(code).toBe(2);
    expect(stderr).toBe('error: --cell: must be at least 50 metres (got "10")');
  });

  it('names the flag for a filter of another source', async () => {
    const { code, stderr } = await lantern('hotspots', '--source', 'places', '--crime-type', 'Burglary');
    expect(code).toBe(2);
    expect(stderr).toBe('error: --crime-type: applies only to source police-uk (source is places) (got "Burglary")');
  });

  it('names the flag for an unknown district', async () => {
    const { code, stderr } = await lantern('hotspots', '--source', 'places', '--district', 'E99999999');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --district: must be one of the district codes .* \(got "E99999999"\)$/);
  });

  it('refuses an unknown source with commander’s message', async () => {
    const { code, stderr } = await lantern('hotspots', '--source', 'tweets');
    expect(code).toBe(2);
    expect(stderr).toContain("error: option '--source <source>' argument 'tweets' is invalid");
  });
});
