import type { Principal } from '@lantern/db';
import type { ProfileFigures, ProfileSectionKey, ProfileStatus, ProfileTerms } from '@lantern/domain';
import { profileSectionKeys } from '@lantern/domain';
import type { World } from './access-world.ts';
import { createUser } from './factories.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the problem profiles (issue 16). Each cell gets fresh profile versions written by
 * two analysts of the fixture's own (an author and a reviewer), never by the matrix's callers,
 * so approving is never refused as the caller's own work. Reads aim at an approved profile of
 * district A (in scope for everyone) and one of district B (analysts only).
 */
const analysts = new WeakMap<World, Promise<{ author: Principal; reviewer: Principal }>>();

function fixtureAnalysts(world: World) {
  let found = analysts.get(world);
  if (!found) {
    found = (async () => ({
      author: await createUser(world.db, { roles: ['police_analyst'] }),
      reviewer: await createUser(world.db, { roles: ['police_analyst'] }),
    }))();
    analysts.set(world, found);
  }
  return found;
}

function termsFor(districtCode: string): ProfileTerms {
  return {
    title: `Matrix profile ${districtCode}`,
    scope: 'cse',
    districtCodes: [districtCode],
    subjectId: null,
    from: '2025-01-01',
    to: '2025-03-31',
    comparisonFrom: '2024-01-01',
    comparisonTo: '2024-03-31',
    requester: 'Authorization matrix',
    purpose: 'Checks who may call what.',
    marking: 'OFFICIAL-SENSITIVE',
    reviewDate: '2025-09-30',
  };
}

/** Figures as stored: one figure (0 children, so nothing to suppress) whose records can be listed. */
function figuresFor(terms: ProfileTerms): ProfileFigures {
  const title = (key: ProfileSectionKey) => key;
  return {
    asAt: '2025-04-01T09:00:00.000Z',
    sections: profileSectionKeys.map((key) => ({
      key,
      title: title(key),
      figures:
        key === 'scale'
          ? [
              {
                key: 'scale.children_identified',
                label: 'Children identified',
                value: 0,
                comparison: 0,
                change: 0,
                changePercent: null,
                caution: null,
                ratePer1000: null,
                countsPeople: true,
                query: {
                  name: 'scale.children_identified',
                  params: {
                    scope: terms.scope,
                    from: terms.from,
                    to: terms.to,
                    districtCodes: terms.districtCodes,
                    subjectId: null,
                  },
                },
              },
            ]
          : [],
      tables: [],
      charts: [],
      maps: [],
      notes: [],
    })),
  };
}

/** A fresh profile in a district with version 1 at `status`; its id and version 1's revision. */
async function freshProfile(world: World, districtCode: string, status: ProfileStatus) {
  const { author, reviewer } = await fixtureAnalysts(world);
  const terms = termsFor(districtCode);
  const [profile] = await world.db.sql.query<{ id: string }>(
    `INSERT INTO problem_profile (title, scope, district_codes, created_by_id)
     VALUES ($1, 'cse', $2::text[], $3::uuid) RETURNING id::text AS id`,
    [terms.title, terms.districtCodes, author.id],
  );
  if (!profile) throw new Error('a problem profile vanished after insert');
  const submitted = status === 'draft' ? null : author.id;
  const approvedBy = status === 'approved' ? reviewer.id : null;
  await world.db.sql.query(
    `INSERT INTO problem_profile_version (profile_id, version, status, terms, figures, writing, created_by_id,
       submitted_by_id, submitted_at, approved_by_id, approved_at)
     VALUES ($1::uuid, 1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::uuid,
       $7::uuid, CASE WHEN $7::uuid IS NULL THEN NULL ELSE now() END, $8::uuid, CASE WHEN $8::uuid IS NULL THEN NULL ELSE now() END)`,
    [
      profile.id,
      status,
      JSON.stringify(terms),
      JSON.stringify(figuresFor(terms)),
      JSON.stringify({ assessments: { summary: 'Matrix summary' }, recommendations: [] }),
      author.id,
      submitted,
      approvedBy,
    ],
  );
  return { id: profile.id, version: 1, revision: 1 };
}

const notFound = (id: string) => ({
  code: 'NOT_FOUND' as const,
  message: `id: no problem profile ${id} in your districts`,
});

/** A read of an approved profile: partners outside district B are refused as if it did not exist. */
function readFixture(input: (ref: { id: string; version: number }) => unknown, showsId: boolean): ProcedureFixture {
  return {
    build: async (world) => {
      const a = await freshProfile(world, world.a.code, 'approved');
      const b = await freshProfile(world, world.b.code, 'approved');
      return {
        inScope: { input: input({ id: a.id, version: a.version }), ids: showsId ? [a.id] : [] },
        outOfScope: {
          input: input({ id: b.id, version: b.version }),
          ids: showsId ? [b.id] : [],
          denial: notFound(b.id),
        },
      };
    },
  };
}

/** A change to a fresh version at `status` (analysts only, not scoped by district). */
function changeFixture(
  status: ProfileStatus,
  input: (ref: { id: string; version: number; revision: number }) => unknown,
) {
  return {
    build: async (world: World) => {
      const a = await freshProfile(world, world.a.code, status);
      const b = await freshProfile(world, world.b.code, status);
      return { inScope: { input: input(a), ids: [a.id] }, outOfScope: { input: input(b), ids: [b.id] } };
    },
  } satisfies ProcedureFixture;
}

export function profileFixtures(): Record<string, ProcedureFixture> {
  return {
    'profiles.list': {
      // Partners' lists leave out district B's profile; analysts list both.
      build: async (world) => {
        const a = await freshProfile(world, world.a.code, 'approved');
        const b = await freshProfile(world, world.b.code, 'approved');
        return { inScope: { input: undefined, ids: [a.id] }, outOfScope: { input: undefined, ids: [b.id] } };
      },
      everyField: async () => ({ status: 'approved' }),
    },
    'profiles.get': {
      ...readFixture((ref) => ({ id: ref.id }), true),
      everyField: async (world) => ({
        id: (await freshProfile(world, world.a.code, 'approved')).id,
        version: 1,
        edition: 'partner',
      }),
    },
    'profiles.figureRecords': readFixture((ref) => ({ ...ref, key: 'scale.children_identified' }), false),
    'profiles.export': {
      ...readFixture((ref) => ({ ...ref, format: 'md' }), false),
      everyField: async (world) => ({
        id: (await freshProfile(world, world.a.code, 'approved')).id,
        version: 1,
        edition: 'partner',
        format: 'md',
      }),
    },
    'profiles.recordPrint': {
      ...readFixture((ref) => ref, false),
      everyField: async (world) => ({
        id: (await freshProfile(world, world.a.code, 'approved')).id,
        version: 1,
        edition: 'partner',
      }),
    },
    'profiles.create': {
      build: async (world) => ({
        inScope: { input: { terms: termsFor(world.a.code) }, ids: [] },
        outOfScope: { input: { terms: termsFor(world.b.code) }, ids: [] },
      }),
    },
    'profiles.saveWriting': changeFixture('draft', (ref) => ({
      ...ref,
      writing: {
        assessments: { summary: 'Changed by the matrix' },
        recommendations: [{ strand: 'protect', text: 'Visit the takeaway', owner: null, disruptionActionId: null }],
      },
    })),
    'profiles.updateTerms': changeFixture('draft', (ref) => ({ ...ref, terms: termsFor('E07000174') })),
    'profiles.refresh': changeFixture('draft', (ref) => ref),
    'profiles.submit': changeFixture('draft', (ref) => ref),
    'profiles.approve': changeFixture('for_review', (ref) => ref),
    'profiles.returnToDraft': {
      ...changeFixture('for_review', (ref) => ref),
      everyField: async (world) => ({
        ...(await freshProfile(world, world.a.code, 'for_review')),
        reason: 'Say where the figures come from',
      }),
    },
    'profiles.newVersion': changeFixture('approved', (ref) => ref),
  };
}
