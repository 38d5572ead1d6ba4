import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createMissingEpisodeRecord, createPlaceRecord, pointIn } from '../support/domain-factories.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';
// A spot in Mansfield, and the 250 m cell holding it as PostGIS projects it.
const spot = pointIn[mansfield];

let db: Database;
let analyst: Principal;
let coordinator: Principal;
let officer: Principal;
let cluster: string[];
let foundEpisodes: string[];
let spotCell: string;

async function cellOf(lon: number, lat: number, size: number) {
  const [row] = await db.sql.query<{ x: number; y: number }>(
    'SELECT ST_X(g)::float8 AS x, ST_Y(g)::float8 AS y FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), 27700) AS g) s',
    [lon, lat],
  );
  if (!row) throw new Error('no projection');
  return `E${Math.floor(row.x / size) * size}N${Math.floor(row.y / size) * size}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
  officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
  // Twelve places of concern within a few metres of one spot, one each elsewhere in two districts.
  cluster = [];
  for (let i = 0; i < 12; i++) {
    const place = await createPlaceRecord(db, {
      point: { lon: spot.lon + i * 0.00002, lat: spot.lat },
      name: `Cluster ${i}`,
    });
    cluster.push(place.id);
  }
  await createPlaceRecord(db, { districtCode: gedling });
  await createPlaceRecord(db, { point: { lon: spot.lon + 0.05, lat: spot.lat - 0.03 } });
  // Three children found at the same spot: a person-derived source.
  foundEpisodes = [];
  for (let i = 0; i < 3; i++) {
    const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });
    const episode = await createMissingEpisodeRecord(db, {
      personId: child.id,
      reportedAt: new Date('2025-03-10T20:00:00Z'),
    });
    await db.sql.query('UPDATE missing_episode SET found_geom = ST_SetSRID(ST_MakePoint($1, $2), 4326) WHERE id = $3', [
      spot.lon,
      spot.lat,
      episode.id,
    ]);
    foundEpisodes.push(episode.id);
  }
  spotCell = await cellOf(spot.lon, spot.lat, 250);
});
afterAll(() => db.close());

describe('hotspots.compute', () => {
  it('returns every cell of the district, zeros included, with the cluster a 99% hot spot', async () => {
    const result = await callerFor(db, analyst).hotspots.compute({ source: 'places', districtCodes: [mansfield] });
    expect([result.cell, result.band, result.fdr]).toEqual([250, 750, true]);
    expect(result.events).toBe(13);
    expect(result.cells.length).toBeGreaterThan(1000);
    expect(result.cells.filter((cell) => cell.count === 0).length).toBe(result.cells.length - 2);
    const hot = result.cells.find((cell) => cell.id === spotCell);
    expect(hot).toMatchObject({ count: 12, bin: 3 });
    expect(hot?.z).toBeGreaterThan(5);
    expect(new Set(result.cells.map((cell) => cell.id)).size).toBe(result.cells.length);
  });

  it('adds seeded permutation pseudo p-values that repeat with the seed', async () => {
    const input = {
      source: 'places' as const,
      districtCodes: [mansfield],
      cellSize: 1000,
      band: 3000,
      permutations: 99,
      seed: 3,
    };
    const first = await callerFor(db, analyst).hotspots.compute(input);
    const second = await callerFor(db, analyst).hotspots.compute(input);
    expect(first.cells.map((cell) => cell.pseudoP)).toEqual(second.cells.map((cell) => cell.pseudoP));
    expect(Math.min(...first.cells.map((cell) => cell.pseudoP ?? 1))).toBe(0.01);
  });

  it('refuses a district outside the caller’s scope by name', async () => {
    const error = await rejection(
      callerFor(db, officer).hotspots.compute({ source: 'places', districtCodes: [gedling] }),
    );
    expect([error.code, error.message]).toEqual(['FORBIDDEN', `districtCodes: ${gedling} is outside your districts`]);
  });

  it('defaults to the caller’s districts', async () => {
    const scoped = await callerFor(db, officer).hotspots.compute({ source: 'places', cellSize: 1000, band: 3000 });
    expect(scoped.events).toBe(13);
    const everywhere = await callerFor(db, analyst).hotspots.compute({ source: 'places', cellSize: 1000, band: 3000 });
    expect(everywhere.events).toBe(14);
  });

  it('suppresses small counts of children’s episodes for a district officer, not for a coordinator', async () => {
    const input = { source: 'missing-found' as const, districtCodes: [mansfield] };
    const asOfficer = await callerFor(db, officer).hotspots.compute(input);
    expect(asOfficer.events).toBe('<5');
    expect(asOfficer.cells.find((cell) => cell.id === spotCell)?.count).toBe('<5');
    const asCoordinator = await callerFor(db, coordinator).hotspots.compute(input);
    expect(asCoordinator.events).toBe(3);
    expect(asCoordinator.cells.find((cell) => cell.id === spotCell)?.count).toBe(3);
  });

  it('refuses a filter that does not belong to the source, naming the field', async () => {
    const error = await rejection(
      callerFor(db, analyst).hotspots.compute({ source: 'places', crimeType: 'Burglary', districtCodes: [mansfield] }),
    );
    expect([error.code, error.message]).toEqual([
      'BAD_REQUEST',
      'crimeType: applies only to source police-uk (source is places)',
    ]);
  });
});

describe('hotspots.cell', () => {
  it('lists the places inside a cell', async () => {
    const detail = await callerFor(db, officer).hotspots.cell({
      source: 'places',
      cellId: spotCell,
      districtCodes: [mansfield],
    });
    expect(detail.count).toBe(12);
    expect(detail.records?.map((record) => record.id).sort()).toEqual([...cluster].sort());
  });

  it('shows a coordinator the episodes and audits the read', async () => {
    const detail = await callerFor(db, coordinator).hotspots.cell({ source: 'missing-found', cellId: spotCell });
    expect(detail.records?.map((record) => record.id).sort()).toEqual([...foundEpisodes].sort());
    const [audit] = await db.prisma.auditEvent.findMany({
      where: { userId: coordinator.id, procedure: 'hotspots.cell' },
      select: { action: true, recordType: true, recordIds: true },
    });
    expect(audit?.action).toBe('read');
    expect(audit?.recordType).toBe('missing_episode');
    expect([...(audit?.recordIds ?? [])].sort()).toEqual([...foundEpisodes].sort());
  });

  it('gives a district officer only a suppressed count of episodes', async () => {
    const detail = await callerFor(db, officer).hotspots.cell({ source: 'missing-found', cellId: spotCell });
    expect(detail).toEqual({
      id: spotCell,
      place: expect.stringMatching(/ ward, Mansfield$/),
      count: '<5',
      records: null,
    });
  });

  it('refuses a cell id off the grid', async () => {
    const error = await rejection(
      callerFor(db, analyst).hotspots.cell({ source: 'places', cellId: 'E457010N339750', cellSize: 250 }),
    );
    expect([error.code, error.message]).toEqual(['BAD_REQUEST', 'cellId: is not a corner of the 250 m grid']);
  });
});

describe('hotspots.repeatLocations', () => {
  it('ranks the spot where three children were found first', async () => {
    const { locations } = await callerFor(db, coordinator).hotspots.repeatLocations({ source: 'missing-found' });
    expect(locations).toHaveLength(1);
    expect(locations[0]).toMatchObject({ count: 3, rank: 1 });
  });
});

describe('hotspots.density', () => {
  it('peaks at the cluster with the quartic kernel’s height for the given bandwidth', async () => {
    const result = await callerFor(db, analyst).hotspots.density({
      source: 'places',
      districtCodes: [mansfield],
      bandwidth: 1000,
    });
    expect([result.bandwidth, result.rule]).toEqual([1000, 'given']);
    const peak = Math.max(...result.cells.map((cell) => cell.density));
    // 12 points within ~20 m of each other, ≤ 180 m from the cell centre: close to 12·3/(π·1000²)·10⁶.
    expect(peak).toBeLessThanOrEqual((12 * 3 * 1e6) / (Math.PI * 1e6) + 1e-9);
    expect(peak).toBeGreaterThan((12 * 3 * 1e6 * 0.9) / (Math.PI * 1e6));
    expect(result.cells.find((cell) => cell.density === peak)?.id).toBe(spotCell);
  });
});

describe('hotspots.emerging', () => {
  it('classifies over monthly slices', async () => {
    const result = await callerFor(db, analyst).hotspots.emerging({
      source: 'missing-found',
      from: '2025-01-01',
      to: '2025-03-31',
      districtCodes: [mansfield],
      fdr: false,
    });
    expect(result.months).toEqual(['2025-01', '2025-02', '2025-03']);
    const spotPattern = result.cells.find((cell) => cell.id === spotCell);
    expect(spotPattern).toMatchObject({ pattern: 'new', kind: 'hot', hotSlices: 1 });
  });

  it('refuses fewer than three months', async () => {
    const error = await rejection(
      callerFor(db, analyst).hotspots.emerging({ source: 'places', from: '2025-01-01', to: '2025-02-28' }),
    );
    expect([error.code, error.message]).toEqual([
      'BAD_REQUEST',
      'to: 2025-01-01 to 2025-02-28 spans 2 months; emerging hot spots need 3 to 120',
    ]);
  });
});
