import { toBritishNationalGrid } from '@lantern/geo';
import type { World, WorldDistrict } from './access-world.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the hotspots.* procedures (issue 6): each asks about places of concern in district A
 * (in scope) or B (refused to callers scoped to A, by district code).
 */
const denial = (world: World) => ({
  code: 'FORBIDDEN' as const,
  message: `districtCodes: ${world.b.code} is outside your districts`,
});

const filter = (district: WorldDistrict) => ({ source: 'places' as const, districtCodes: [district.code] });

/** The 5 km cell holding the district's world point, where its place of concern is. */
function cellOf(district: WorldDistrict): string {
  const [x, y] = toBritishNationalGrid([district.point.longitude, district.point.latitude]);
  return `E${Math.floor(x / 5000) * 5000}N${Math.floor(y / 5000) * 5000}`;
}

function byDistrict(
  input: (district: WorldDistrict) => unknown,
  ids: (district: WorldDistrict) => string[] = () => [],
) {
  return {
    build: async (world: World) => ({
      inScope: { input: input(world.a), ids: ids(world.a) },
      outOfScope: { input: input(world.b), ids: ids(world.b), denial: denial(world) },
    }),
  } satisfies ProcedureFixture;
}

export function hotspotFixtures(): Record<string, ProcedureFixture> {
  return {
    'hotspots.compute': {
      ...byDistrict((district) => ({ ...filter(district), cellSize: 1000, band: 3000 })),
      everyField: async (world) => ({
        ...filter(world.a),
        from: '2024-01-01',
        to: '2026-12-31',
        placeCategory: 'takeaway',
        cellSize: 1000,
        band: 3000,
        fdr: false,
        permutations: 99,
        seed: 7,
      }),
    },
    'hotspots.density': {
      ...byDistrict((district) => ({ ...filter(district), cellSize: 1000 })),
      everyField: async (world) => ({
        ...filter(world.a),
        from: '2024-01-01',
        to: '2026-12-31',
        cellSize: 1000,
        bandwidth: 2000,
      }),
    },
    'hotspots.emerging': byDistrict((district) => ({
      ...filter(district),
      from: '2025-01-01',
      to: '2025-06-30',
      cellSize: 1000,
      band: 3000,
      fdr: true,
    })),
    'hotspots.cell': byDistrict(
      (district) => ({ ...filter(district), cellSize: 5000, cellId: cellOf(district) }),
      (district) => [district.placeId],
    ),
    'hotspots.repeatLocations': byDistrict((district) => ({ ...filter(district), minimum: 2, limit: 10 })),
  };
}
