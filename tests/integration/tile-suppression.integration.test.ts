import type { Database } from '@lantern/db';
import { VectorTile } from '@mapbox/vector-tile';
import type { FastifyInstance } from 'fastify';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, testServer } from '../support/api.ts';
import { createIntelligenceRecord, pointIn } from '../support/domain-factories.ts';
import type { UserOptions } from '../support/factories.ts';
import { tileOf } from '../support/slippy-tile.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Small-number suppression on the intelligence tiles, at every zoom. Regression: as the NSD
 * attendee, /tiles/intelligence/20/… held {"count":1} at the exact point of one report, while
 * hotspots.cell showed "<5" for the same role. Roles without person-level access now see only
 * clusters of five or more; the analyst still sees every report.
 */
const ashfield = 'E07000170';
const mansfield = 'E07000174';

let db: Database;
let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
  await createIntelligenceRecord(db, { districtCode: ashfield });
  for (let i = 0; i < 5; i++) await createIntelligenceRecord(db, { districtCode: mansfield });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function signedIn(options: UserOptions): Promise<string> {
  return (await signedInClient(app, db, options)).cookie ?? '';
}

/** The counts of the intelligence clusters in the tile holding a district's test point. */
async function countsAt(cookie: string, district: keyof typeof pointIn, z: number): Promise<number[]> {
  const { lon, lat } = pointIn[district];
  const { x, y } = tileOf(lon, lat, z);
  const response = await app.inject({
    method: 'GET',
    url: `/tiles/intelligence/${z}/${x}/${y}.pbf`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  const layer = new VectorTile(new PbfReader(response.rawPayload)).layers.intelligence;
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, index) => Number(layer.feature(index).properties.count));
}

const zooms = Array.from({ length: 21 }, (_, z) => z);

describe.each([['nsd_attendee' as const], ['district_officer' as const]])('as the %s', (role) => {
  it('shows no cluster of fewer than five reports at any zoom 0–20', async () => {
    const cookie = await signedIn({ roles: [role], districtCodes: [ashfield, mansfield] });
    for (const z of zooms) {
      for (const district of [ashfield, mansfield] as const) {
        const counts = await countsAt(cookie, district, z);
        expect({ z, district, small: counts.filter((count) => count < 5) }).toEqual({ z, district, small: [] });
      }
    }
  });

  it('still shows the five reports at one spot at the closest zoom', async () => {
    const cookie = await signedIn({ roles: [role], districtCodes: [ashfield, mansfield] });
    expect(await countsAt(cookie, mansfield, 20)).toEqual([5]);
    expect(await countsAt(cookie, ashfield, 20)).toEqual([]);
  });
});

describe('as the police analyst', () => {
  it('shows the single report at every zoom from where it stands apart', async () => {
    const cookie = await signedIn({ roles: ['police_analyst'] });
    expect(await countsAt(cookie, ashfield, 20)).toEqual([1]);
    expect(await countsAt(cookie, ashfield, 12)).toEqual([1]);
  });
});
