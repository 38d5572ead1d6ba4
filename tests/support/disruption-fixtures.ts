import type { World } from './access-world.ts';
import {
  createFreshActionItem,
  createFreshMeeting,
  randomMeetingDate,
  tacticIdOf,
  worldAction,
} from './disruption-world.ts';
import type { FixtureCase, ProcedureFixture } from './fixture-types.ts';

/**
 * Fixtures of the tactics.*, disruption.* and nsd.* procedures (issue 7). Every user of the world
 * belongs to a police agency, so the actions use tactics the police hold. Targets that are people
 * are the districts' associates, so procedures that return people show one in every success.
 */
const noAction = (id: string) => ({
  code: 'NOT_FOUND' as const,
  message: `No disruption action ${id} in your districts`,
});
const noMeeting = (id: string) => ({ code: 'NOT_FOUND' as const, message: `No NSD meeting ${id} in your districts` });

/** A fixture whose in-scope case is about a record of district A and the other about one of B. */
function perDistrict(make: (world: World, district: 'a' | 'b') => Promise<FixtureCase>): ProcedureFixture['build'] {
  return async (world) => ({ inScope: await make(world, 'a'), outOfScope: await make(world, 'b') });
}

function meetingFixture(
  input: (meetingId: string, world: World) => Record<string, unknown>,
  ids: (meetingId: string, world: World, district: 'a' | 'b') => string[] = () => [],
): ProcedureFixture {
  return {
    build: perDistrict(async (world, district) => {
      const meetingId = await createFreshMeeting(world.db, world[district].code);
      return { input: input(meetingId, world), ids: ids(meetingId, world, district), denial: noMeeting(meetingId) };
    }),
  };
}

const lighting = async (world: World) => {
  // Lighting: a tactic no other fixture uses, so editing it cannot change another cell's outcome.
  const id = await tacticIdOf(world.db, 'lighting_environmental');
  const [row] = await world.db.sql.query<{ version: number }>('SELECT version FROM tactic WHERE id = $1::uuid', [id]);
  return { id, version: row?.version ?? 1 };
};

export function disruptionFixtures(): Record<string, ProcedureFixture> {
  return {
    'tactics.list': {
      build: async () => ({ inScope: { input: {}, ids: [] }, outOfScope: { input: {}, ids: [] } }),
      everyField: async () => ({ theme: 'locations_of_specific_concern', targetType: 'place', heldBy: 'police' }),
    },
    'tactics.holders': {
      build: async (world) => {
        const input = { tacticId: await tacticIdOf(world.db, 'community_protection_warning') };
        return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
      },
    },
    'tactics.update': {
      build: async (world) => {
        const { id, version } = await lighting(world);
        const input = { id, version, changes: { guidance: 'Design out the places where children are exploited.' } };
        return { inScope: { input, ids: [id] }, outOfScope: { input, ids: [id] } };
      },
      everyField: async (world) => {
        const { id, version } = await lighting(world);
        return {
          id,
          version,
          changes: {
            name: 'Lighting and environmental improvement',
            theme: 'locations_of_specific_concern',
            legalBasis: 'Highways and environmental powers of the councils',
            holderAgencyKinds: ['district_council', 'county_council'],
            targetTypes: ['place'],
            needsConviction: false,
            needsCourt: false,
            maxDurationDays: 365,
            guidance: 'Improve lighting and cut back cover.',
          },
        };
      },
    },
    'disruption.create': {
      build: async (world) => {
        const tacticId = await tacticIdOf(world.db, 'community_protection_warning');
        const input = (district: 'a' | 'b') => ({
          tacticId,
          target: { type: 'person', id: world[district].associate.id },
          holderAgencyId: world.agencyId,
          reason: 'authorization matrix',
        });
        return {
          inScope: { input: input('a'), ids: [world.a.associate.id] },
          outOfScope: {
            input: input('b'),
            ids: [world.b.associate.id],
            denial: { code: 'NOT_FOUND', message: `No person ${world.b.associate.id} in your districts` },
          },
        };
      },
      everyField: async (world) => ({
        tacticId: await tacticIdOf(world.db, 'community_protection_warning'),
        target: { type: 'person', id: world.a.associate.id },
        districtCode: world.a.code,
        holderAgencyId: world.agencyId,
        ownerId: world.users.police_analyst.id,
        proposedOn: '2025-01-02',
        notes: 'Seen collecting children from the park after school',
        startAs: 'in_force',
        reason: 'agreed at the NSD meeting',
        on: '2025-01-03',
        inForceFrom: '2025-01-04',
        reviewOn: '2025-02-01',
        expiresOn: '2025-07-01',
      }),
    },
    'disruption.transition': {
      build: perDistrict(async (world, district) => {
        const id = await worldAction(world, district, 'associate');
        return {
          input: { id, version: 1, to: 'agreed', reason: 'authorization matrix' },
          ids: [id],
          denial: noAction(id),
        };
      }),
      everyField: async (world) => ({
        id: await worldAction(world, 'a', 'place-in-force'),
        version: 1,
        to: 'reviewed',
        reason: 'reviewed at the NSD meeting',
        on: '2025-02-07',
        reviewOn: '2025-03-07',
        expiresOn: '2025-06-30',
      }),
    },
    'disruption.list': {
      build: async (world) => {
        const a = await worldAction(world, 'a', 'associate');
        const b = await worldAction(world, 'b', 'associate');
        return {
          inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [b] },
        };
      },
      everyField: async (world) => ({
        districtCode: world.a.code,
        ownerId: world.users.police_analyst.id,
        placeId: world.a.placeId,
        status: ['in_force', 'reviewed'],
        due: 'either',
        withinDays: 60,
        limit: 20,
      }),
    },
    'disruption.get': {
      build: perDistrict(async (world, district) => {
        const id = await worldAction(world, district, 'associate');
        return { input: { id }, ids: [id], denial: noAction(id) };
      }),
    },
    'disruption.effect': {
      build: perDistrict(async (world, district) => {
        const id = await worldAction(world, district, 'place-in-force');
        return { input: { id }, ids: [id], denial: noAction(id) };
      }),
      everyField: async (world) => ({
        id: await worldAction(world, 'a', 'place-in-force'),
        distanceMetres: 500,
        months: 2,
        crimeTypes: ['Drugs', 'Violence and sexual offences'],
      }),
    },
    'disruption.forMap': {
      build: async (world) => {
        const a = await worldAction(world, 'a', 'place-in-force');
        const b = await worldAction(world, 'b', 'place-in-force');
        return {
          inScope: { input: { districtCode: world.a.code }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code }, ids: [b] },
        };
      },
      everyField: async (world) => ({
        districtCode: world.a.code,
        bbox: [
          world.a.point.longitude - 0.2,
          world.a.point.latitude - 0.2,
          world.a.point.longitude + 0.2,
          world.a.point.latitude + 0.2,
        ],
      }),
    },
    'nsd.listMeetings': {
      build: async (world) => {
        const a = await createFreshMeeting(world.db, world.a.code);
        const b = await createFreshMeeting(world.db, world.b.code);
        return {
          inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [b] },
        };
      },
    },
    'nsd.createMeeting': {
      build: async (world) => {
        const input = (district: 'a' | 'b') => ({
          districtCode: world[district].code,
          heldOn: randomMeetingDate(),
          chair: 'DI Matrix',
          attendees: ['DI Matrix', 'Community safety officer'],
          agencies: ['Police', 'District council'],
        });
        return {
          inScope: { input: input('a'), ids: [] },
          outOfScope: {
            input: input('b'),
            ids: [],
            denial: { code: 'FORBIDDEN', message: `districtCode: ${world.b.code} is outside your districts` },
          },
        };
      },
    },
    'nsd.agenda': meetingFixture(
      (meetingId) => ({ meetingId }),
      (meetingId, world, district) => [meetingId, world[district].child.id],
    ),
    'nsd.recordMinutes': meetingFixture((meetingId) => ({
      meetingId,
      itemKey: 'other',
      itemTitle: 'Any other business',
      text: 'Licensing to visit the takeaway before the next meeting.',
    })),
    'nsd.actionLog': meetingFixture(
      (meetingId) => ({ meetingId }),
      (meetingId) => [meetingId],
    ),
    'nsd.addAction': {
      ...meetingFixture((meetingId) => ({
        meetingId,
        description: 'Licensing visit to the takeaway',
        owner: 'PC Matrix',
        agency: 'Police',
        dueOn: '2030-02-01',
      })),
      everyField: async (world) => ({
        meetingId: await createFreshMeeting(world.db, world.a.code),
        description: 'Licensing visit to the takeaway',
        owner: 'PC Matrix',
        agency: 'Police',
        dueOn: '2030-02-01',
        disruptionActionId: await worldAction(world, 'a', 'place-in-force'),
      }),
    },
    'nsd.updateAction': {
      build: perDistrict(async (world, district) => {
        const id = await createFreshActionItem(world.db, world[district].code);
        return {
          input: { id, version: 1, changes: { status: 'in_progress' } },
          ids: [id],
          denial: { code: 'NOT_FOUND', message: `No action log item ${id} in your districts` },
        };
      }),
      everyField: async (world) => ({
        id: await createFreshActionItem(world.db, world.a.code),
        version: 1,
        changes: {
          description: 'Licensing visit done',
          owner: 'PC Matrix',
          agency: 'Police',
          dueOn: '2030-03-01',
          status: 'closed',
          updateNote: 'Visited; staff briefed',
        },
      }),
    },
    'nsd.pack': meetingFixture(
      (meetingId) => ({ meetingId }),
      (meetingId, world, district) => [meetingId, world[district].child.id],
    ),
  };
}
