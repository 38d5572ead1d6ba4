import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenDatabase, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../support/capture-io.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** `lantern import places FILE.geojson` (docs/ARCHITECTURE.md): all-or-nothing, idempotent on place_ref. */
let db: Database;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'lantern-places-'));
});
afterAll(() => db.close());

async function lantern(...argv: string[]) {
  const captured = captureIo();
  const code = await run(argv, captured.io, givenDatabase(db));
  return { code, stdout: captured.out.join('\n'), stderr: captured.err.join('\n') };
}

// Mansfield town centre and Sutton-in-Ashfield (synthetic places, not real premises of concern).
const mansfield = [-1.1955, 53.1434];
const ashfield = [-1.2625, 53.1253];

function feature(properties: Record<string, unknown>, coordinates: unknown = mansfield) {
  return { type: 'Feature', geometry: { type: 'Point', coordinates }, properties };
}

function geojson(name: string, features: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

const takeaway = (ref: string, extra: Record<string, unknown> = {}) =>
  feature({
    place_ref: ref,
    name: 'Synthetic Chicken Shop',
    category: 'takeaway',
    address: '1 Example Street',
    concern_since: '2025-01-10',
    reasons: ['children seen late at night', 'older males waiting outside'],
    ...extra,
  });

const placesWithRef = (ref: string) =>
  db.sql.query<{ id: string; district_code: string; version: number; reasons: string[] }>(
    'SELECT id::text, district_code, version, reasons FROM place_of_concern WHERE external_ref = $1',
    [ref],
  );

describe('lantern import places', () => {
  it('imports the features with their district from the point, audited, and changes nothing the second time', async () => {
    const file = geojson('two.geojson', [
      takeaway('PL-1'),
      feature({ place_ref: 'PL-2', name: 'Synthetic Park', category: 'park', concern_since: '2024-06-01' }, ashfield),
    ]);
    const first = await lantern('import', 'places', file);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('two.geojson: 2 places (2 new, 0 updated, 0 unchanged, 0 rejected)');
    const [one] = await placesWithRef('PL-1');
    const [two] = await placesWithRef('PL-2');
    expect(one).toMatchObject({ district_code: 'E07000174', version: 1 });
    expect(one?.reasons).toEqual(['children seen late at night', 'older males waiting outside']);
    expect(two).toMatchObject({ district_code: 'E07000170', version: 1 });
    const audited = await db.sql.query<{ action: string; record_ids: string[] }>(
      `SELECT action, record_ids FROM audit_event WHERE procedure = 'import.places' ORDER BY seq`,
    );
    expect(audited).toEqual([{ action: 'create', record_ids: expect.arrayContaining([one?.id, two?.id]) }]);

    const again = await lantern('import', 'places', file);
    expect(again.stdout).toBe('two.geojson: 2 places (0 new, 0 updated, 2 unchanged, 0 rejected)');
    expect((await placesWithRef('PL-1'))[0]?.version).toBe(1);
  });

  it('updates a known place_ref whose properties changed, bumping its version', async () => {
    await lantern('import', 'places', geojson('before.geojson', [takeaway('PL-10')]));
    const changed = await lantern(
      'import',
      'places',
      geojson('after.geojson', [takeaway('PL-10', { concern_until: '2025-12-31', reasons: 'closed down; reopened' })]),
    );
    expect(changed.stdout).toBe('after.geojson: 1 places (0 new, 1 updated, 0 unchanged, 0 rejected)');
    const [row] = await placesWithRef('PL-10');
    expect(row).toMatchObject({ version: 2, reasons: ['closed down', 'reopened'] });
  });

  it('exits 2 naming every bad feature by index, property and value, and imports nothing', async () => {
    const file = geojson('bad.geojson', [
      takeaway('PL-20'),
      takeaway('PL-21', { category: 'nightclub' }),
      takeaway('PL-22', {}),
      feature(
        { place_ref: 'PL-23', name: 'Far away', category: 'shop', concern_since: '2025-01-01' },
        [-0.1276, 51.5072],
      ),
      takeaway('PL-20'),
      feature({ place_ref: 'PL-24', category: 'shop', concern_since: '2025-13-01' }, ['x', 53]),
    ]);
    const before = await db.prisma.placeOfConcern.count();
    const { code, stderr } = await lantern('import', 'places', file);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'bad.geojson: 4 invalid features; nothing was imported (use --skip-invalid to import the rest)',
    );
    expect(stderr).toContain(
      'bad.geojson, feature 1, field "category": must be one of takeaway, hotel, park, car_park, shop, taxi_rank, house, bus_station, rail_station, school, leisure, other (value "nightclub")',
    );
    expect(stderr).toContain(
      'bad.geojson, feature 3, field "geometry.coordinates": is outside every district Lantern covers (value "[-0.1276, 51.5072]")',
    );
    expect(stderr).toContain('bad.geojson, feature 4, field "place_ref": is already feature 0 (value "PL-20")');
    expect(stderr).toContain(
      'bad.geojson, feature 5, field "geometry.coordinates": must be [longitude, latitude] in WGS84 degrees (value "["x",53]")',
    );
    expect(stderr).toContain('bad.geojson, feature 5, field "name": is required');
    expect(stderr).toMatch(/bad\.geojson, feature 5, field "concern_since": .*\(value "2025-13-01"\)/);
    expect(await db.prisma.placeOfConcern.count()).toBe(before);
  });

  it('with --skip-invalid imports the good features and writes the bad ones to --rejects as GeoJSON', async () => {
    const file = geojson('mixed.geojson', [takeaway('PL-30'), takeaway('PL-31', { category: 'nightclub' })]);
    const rejects = join(dir, 'rejects.geojson');
    const { code, stdout, stderr } = await lantern('import', 'places', file, '--skip-invalid', '--rejects', rejects);
    expect(code).toBe(0);
    expect(stdout).toBe('mixed.geojson: 2 places (1 new, 0 updated, 0 unchanged, 1 rejected)');
    expect(stderr).toBe(`mixed.geojson: skipped 1 invalid rows; written to ${rejects}`);
    expect(await placesWithRef('PL-30')).toHaveLength(1);
    expect(await placesWithRef('PL-31')).toHaveLength(0);
    const written = JSON.parse(readFileSync(rejects, 'utf8')) as {
      features: Array<{ properties: Record<string, unknown> }>;
    };
    expect(written.features).toHaveLength(1);
    expect(written.features[0]?.properties).toMatchObject({ place_ref: 'PL-31', lantern_feature: 1 });
    expect(String(written.features[0]?.properties.lantern_problem)).toContain('feature 1, field "category"');
  });

  it('refuses a file that is not a FeatureCollection, naming the file', async () => {
    const path = join(dir, 'not.geojson');
    writeFileSync(path, JSON.stringify({ type: 'Feature' }));
    const { code, stderr } = await lantern('import', 'places', path);
    expect(code).toBe(2);
    expect(stderr).toContain('not.geojson, field "type": must be "FeatureCollection" (got "Feature")');
    writeFileSync(path, '{"type": "FeatureCollection", ');
    expect((await lantern('import', 'places', path)).stderr).toMatch(/not\.geojson: is not JSON/);
  });
});
