import { accessFor, mergePeople } from '@lantern/app';
import { policyFor } from '@lantern/domain';
import { createFreshPerson, type World } from './access-world.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the duplicate-people procedures (issue 14). Each cell records one child twice, in
 * district A and in district B, under a name no other record has and born on the same day, so the pair scores 1 and tops
 * any list it is in.
 */
const reason = 'authorization matrix';
const notFoundPerson = (id: string) => ({ code: 'NOT_FOUND' as const, message: `No person ${id} in your districts` });

async function recordedTwice(world: World, districtCode: string) {
  // A fresh person's random name and date of birth, then the same again.
  const first = await createFreshPerson(world.db, { districtCode });
  const { givenName, familyName, dateOfBirth } = first;
  const second = await createFreshPerson(world.db, { districtCode, givenName, familyName, dateOfBirth });
  return { first, second, ids: [first.id, second.id] };
}

async function mergedPair(world: World, districtCode: string) {
  const { first, second, ids } = await recordedTwice(world, districtCode);
  const policy = policyFor('people.merge');
  if (!policy) throw new Error('people.merge has no policy');
  await mergePeople({ db: world.db }, accessFor(world.users.police_analyst, 'people.merge', policy), {
    survivorId: first.id,
    survivorVersion: first.version,
    mergedId: second.id,
    mergedVersion: second.version,
    reason,
  });
  return { input: { mergedId: second.id, version: second.version + 1, reason }, ids };
}

export function duplicateFixtures(): Record<string, ProcedureFixture> {
  return {
    'people.duplicates': {
      build: async (world) => {
        const a = await recordedTwice(world, world.a.code);
        const b = await recordedTwice(world, world.b.code);
        return {
          inScope: { input: { id: a.first.id }, ids: a.ids },
          outOfScope: { input: { id: b.first.id }, ids: b.ids, denial: notFoundPerson(b.first.id) },
        };
      },
      everyField: async (world) => {
        const a = await recordedTwice(world, world.a.code);
        return { id: a.first.id, minScore: 0.8 };
      },
    },
    'people.duplicateList': {
      build: async (world) => {
        const a = await recordedTwice(world, world.a.code);
        const b = await recordedTwice(world, world.b.code);
        return {
          inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: a.ids },
          outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: b.ids },
        };
      },
      everyField: async (world) => ({ districtCode: world.a.code, minScore: 0.8, limit: 20 }),
    },
    'people.merge': {
      build: async (world) => {
        const merge = async (districtCode: string) => {
          const { first, second, ids } = await recordedTwice(world, districtCode);
          const input = {
            survivorId: first.id,
            survivorVersion: first.version,
            mergedId: second.id,
            mergedVersion: second.version,
            reason,
          };
          return { input, ids };
        };
        const a = await merge(world.a.code);
        const b = await merge(world.b.code);
        return {
          inScope: a,
          outOfScope: { ...b, denial: notFoundPerson(b.input.survivorId) },
        };
      },
    },
    'people.unmerge': {
      build: async (world) => {
        const a = await mergedPair(world, world.a.code);
        const b = await mergedPair(world, world.b.code);
        return { inScope: a, outOfScope: { ...b, denial: notFoundPerson(b.input.mergedId) } };
      },
    },
  };
}
