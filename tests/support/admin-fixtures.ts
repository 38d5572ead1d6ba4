import { randomUUID } from 'node:crypto';
import type { World } from './access-world.ts';
import { createUser } from './factories.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the administration procedures (issue 18): users.*, audit.search and audit.verify,
 * tactics.create. Accounts and tactics are not district records, so both cells of a procedure
 * take the same kind of input; every mutation cell gets a fresh account or tactic of its own.
 */
const same = (input: unknown, ids: readonly string[] = []) => ({ inScope: { input, ids }, outOfScope: { input, ids } });

const freshAccount = (world: World) =>
  createUser(world.db, { roles: ['district_officer'], districtCodes: [world.a.code] });

const newUser = (world: World) => ({
  email: `new-${randomUUID()}@lantern.test`,
  displayName: 'New Officer',
  agencyId: world.agencyId,
  roles: ['district_officer'],
  districtCodes: [world.a.code],
});

const newTactic = () => {
  const suffix = randomUUID().slice(0, 8);
  return {
    code: `test_tactic_${suffix}`,
    name: `Test tactic ${suffix}`,
    theme: 'locations_of_specific_concern',
    legalBasis: 'Common law powers',
    holderAgencyKinds: ['police'],
    targetTypes: ['place'],
    needsConviction: false,
    needsCourt: false,
    maxDurationDays: null,
    guidance: 'Used only by the tests.',
  };
};

export function adminFixtures(): Record<string, ProcedureFixture> {
  return {
    'users.list': {
      build: async () => same({}),
      everyField: async () => ({ query: 'Test' }),
    },
    'users.create': {
      build: async (world) => same(newUser(world)),
      everyField: async (world) => ({ ...newUser(world), password: 'heron kettle quarry violin' }),
    },
    'users.update': {
      build: async (world) => {
        const account = await freshAccount(world);
        return same({ id: account.id, version: 1, changes: { districtCodes: [world.a.code, world.b.code] } }, [
          account.id,
        ]);
      },
      everyField: async (world) => {
        const account = await freshAccount(world);
        return {
          id: account.id,
          version: 1,
          changes: {
            displayName: 'Renamed Officer',
            agencyId: world.agencyId,
            roles: ['district_officer', 'nsd_attendee'],
            districtCodes: [world.a.code],
            disabled: false,
          },
        };
      },
    },
    'users.resetPassword': {
      build: async (world) => {
        const account = await freshAccount(world);
        return same({ id: account.id, version: 1 }, [account.id]);
      },
      everyField: async (world) => {
        const account = await freshAccount(world);
        return { id: account.id, version: 1, password: 'lantern quarry heron violin' };
      },
    },
    'audit.search': {
      build: async (world) => same({ recordType: 'person', recordId: world.a.child.id, limit: 20 }),
      everyField: async (world) => ({
        recordType: 'person',
        recordId: world.a.child.id,
        userId: world.users.police_analyst.id,
        action: 'read',
        from: '2025-01-01',
        to: '2030-12-31',
        before: '999999999',
        limit: 20,
      }),
    },
    'audit.verify': { build: async () => same(undefined) },
    'tactics.create': { build: async () => same(newTactic()) },
  };
}
