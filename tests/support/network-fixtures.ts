import type { World, WorldDistrict } from './access-world.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the network.* procedures (issue 13). Each district of the world has a child linked
 * to an associate; a district view outside the caller's districts is refused by its code, an ego
 * view or a path from someone outside them is not found.
 */
const reason = 'authorization matrix';
const outsideDistrict = (world: World) => ({
  code: 'FORBIDDEN' as const,
  message: `districtCode: ${world.b.code} is outside your districts`,
});
const notVisible = (id: string) => ({
  code: 'NOT_FOUND' as const,
  message: `No person, place, vehicle or record ${id} that you may see in your districts`,
});
const pair = (district: WorldDistrict) => [district.child.id, district.associate.id];

export function networkFixtures(): Record<string, ProcedureFixture> {
  return {
    'network.district': {
      build: async (world) => ({
        inScope: { input: { districtCode: world.a.code, reason }, ids: pair(world.a) },
        outOfScope: {
          input: { districtCode: world.b.code, reason },
          ids: pair(world.b),
          denial: outsideDistrict(world),
        },
      }),
      everyField: async (world) => ({
        districtCode: world.a.code,
        from: '2024-01-01',
        to: '2025-12-31',
        minGrade: 'C',
        linkTypes: ['associates_with'],
        nodeTypes: ['child', 'associate'],
        reason,
      }),
    },
    'network.ego': {
      build: async (world) => ({
        inScope: { input: { entityId: world.a.child.id, hops: 1, reason }, ids: pair(world.a) },
        outOfScope: {
          input: { entityId: world.b.child.id, hops: 1, reason },
          ids: pair(world.b),
          denial: notVisible(world.b.child.id),
        },
      }),
      everyField: async (world) => ({
        entityId: world.a.child.id,
        hops: 2,
        from: '2024-01-01',
        to: '2025-12-31',
        minGrade: 'B',
        linkTypes: ['associates_with'],
        nodeTypes: ['child', 'associate', 'intelligence_report'],
        reason,
      }),
    },
    'network.paths': {
      build: async (world) => ({
        inScope: {
          input: { fromEntityId: world.a.child.id, toEntityId: world.a.associate.id, reason },
          ids: pair(world.a),
        },
        outOfScope: {
          input: { fromEntityId: world.b.child.id, toEntityId: world.b.associate.id, reason },
          ids: pair(world.b),
          denial: notVisible(world.b.child.id),
        },
      }),
    },
    'network.export': {
      build: async (world) => ({
        inScope: {
          input: { view: { kind: 'district', districtCode: world.a.code }, format: 'json', reason },
          ids: pair(world.a),
        },
        outOfScope: {
          input: { view: { kind: 'district', districtCode: world.b.code }, format: 'json', reason },
          ids: pair(world.b),
          denial: outsideDistrict(world),
        },
      }),
    },
  };
}
