import { randomUUID } from 'node:crypto';
import { HOUR_MS } from '@lantern/domain';
import { createFreshPerson, createFreshPlace, type World } from './access-world.ts';
import { adminFixtures } from './admin-fixtures.ts';
import { contextualFixtures } from './contextual-fixtures.ts';
import { disruptionFixtures } from './disruption-fixtures.ts';
import { duplicateFixtures } from './duplicate-fixtures.ts';
import { exploitationWorkflowFixtures } from './exploitation-workflow-fixtures.ts';
import type { ProcedureFixture } from './fixture-types.ts';
import { hotspotFixtures } from './hotspot-fixtures.ts';
import { intelligenceFixtures } from './intelligence-fixtures.ts';
import { createChildWithEpisode, createEpisode } from './missing-factories.ts';
import { networkFixtures } from './network-fixtures.ts';
import { profileFixtures } from './profile-fixtures.ts';
import { vehicleFixtures } from './vehicle-fixtures.ts';

export type { FixtureCase, ProcedureFixture } from './fixture-types.ts';

/**
 * For every API procedure, how to call it validly: one input aimed at a record in district A
 * (in scope for every test user) and one aimed at district B (in scope only for police analysts,
 * who see every district). The authorization matrix and the bad-input tests are generated from
 * the router's procedure list, and both fail for a procedure that has no entry here.
 */
/** The smallest valid PNG (1×1, transparent), for the Philomena photo. */
const onePixelPng = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const noInput = async () => ({ inScope: { input: undefined, ids: [] }, outOfScope: { input: undefined, ids: [] } });

const notFoundPerson = (id: string) => ({ code: 'NOT_FOUND' as const, message: `No person ${id} in your districts` });
const notFoundPlace = (id: string) => ({ code: 'NOT_FOUND' as const, message: `No place ${id} in your districts` });

export const procedureFixtures: Record<string, ProcedureFixture> = {
  'auth.login': {
    // Signing in is not scoped to districts: both cells sign in as the analyst.
    build: async (world) => {
      const input = { email: world.users.police_analyst.email, password: world.users.police_analyst.password };
      return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
    },
  },
  'auth.logout': { build: noInput },
  'auth.me': { build: noInput },
  'auth.session': { build: noInput },
  'auth.providers': { build: noInput },
  'auth.changePassword': {
    // Every world user has the same password: setting it again succeeds for any caller and
    // leaves the other cells able to sign in.
    build: async (world) => {
      const password = world.users.police_analyst.password;
      const input = { currentPassword: password, newPassword: password };
      return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
    },
  },

  'people.search': {
    // Flagged people only: the world's flagged child and associate, never the fresh records
    // that mutation cells add to the same districts.
    build: async (world) => ({
      inScope: {
        input: { districtCode: world.a.code, cseFlagged: true, limit: 200 },
        ids: [world.a.child.id, world.a.associate.id],
      },
      outOfScope: {
        input: { districtCode: world.b.code, cseFlagged: true, limit: 200 },
        ids: [world.b.child.id, world.b.associate.id],
      },
    }),
    everyField: async (world) => ({
      name: world.a.child.givenName,
      dateOfBirth: world.a.child.dateOfBirth,
      districtCode: world.a.code,
      kind: 'child',
      cseFlagged: true,
      cceFlagged: false,
      limit: 20,
    }),
  },
  'people.get': {
    build: async (world) => ({
      inScope: { input: { id: world.a.child.id, reason: 'authorization matrix' }, ids: [world.a.child.id] },
      outOfScope: {
        input: { id: world.b.child.id, reason: 'authorization matrix' },
        ids: [world.b.child.id],
        denial: notFoundPerson(world.b.child.id),
      },
    }),
  },
  'people.create': {
    build: async (world) => {
      const child = (homeDistrictCode: string) => ({
        kind: 'child',
        givenName: 'Matrix',
        familyName: `Created${randomUUID().slice(0, 8)}`,
        dateOfBirth: '2011-05-05',
        sex: 'M',
        careStatus: 'home',
        homeDistrictCode,
      });
      return {
        inScope: { input: child(world.a.code), ids: [] },
        outOfScope: {
          input: child(world.b.code),
          ids: [],
          denial: { code: 'FORBIDDEN', message: `homeDistrictCode: ${world.b.code} is outside your districts` },
        },
      };
    },
    everyField: async (world) => ({
      kind: 'child',
      givenName: 'Every',
      familyName: `Field${randomUUID().slice(0, 8)}`,
      aliases: ['Evie'],
      dateOfBirth: '2011-05-05',
      sex: 'F',
      careStatus: 'ola_care',
      responsibleAuthority: 'Derby City Council',
      homeDistrictCode: world.a.code,
      cseRisk: 'medium',
      cseFlaggedAt: '2025-02-01',
      cceRisk: 'low',
      cceFlaggedAt: '2025-02-02',
    }),
  },
  'people.update': {
    build: async (world) => {
      const inScope = await createFreshPerson(world.db, { districtCode: world.a.code });
      const outOfScope = await createFreshPerson(world.db, { districtCode: world.b.code });
      const change = (id: string, version: number) => ({ id, version, changes: { aliases: ['Matrix alias'] } });
      return {
        inScope: { input: change(inScope.id, inScope.version), ids: [inScope.id] },
        outOfScope: {
          input: change(outOfScope.id, outOfScope.version),
          ids: [outOfScope.id],
          denial: notFoundPerson(outOfScope.id),
        },
      };
    },
    everyField: async (world) => {
      const child = await createFreshPerson(world.db, { districtCode: world.a.code });
      return {
        id: child.id,
        version: child.version,
        changes: {
          givenName: 'Changed',
          familyName: 'Everything',
          aliases: ['Chang'],
          dateOfBirth: '2012-06-07',
          sex: 'X',
          careStatus: 'county_care',
          responsibleAuthority: 'Nottinghamshire County Council',
          homeDistrictCode: world.a.code,
          cseRisk: 'high',
          cseFlaggedAt: '2025-03-01',
          cceRisk: 'medium',
          cceFlaggedAt: '2025-03-02',
        },
      };
    },
  },

  'places.list': {
    build: async (world) => ({
      inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [world.a.placeId] },
      outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [world.b.placeId] },
    }),
    everyField: async (world) => ({
      districtCode: world.a.code,
      category: 'takeaway',
      bbox: [
        world.a.point.longitude - 0.1,
        world.a.point.latitude - 0.1,
        world.a.point.longitude + 0.1,
        world.a.point.latitude + 0.1,
      ],
      activeOn: '2025-06-01',
      name: 'recreation',
      limit: 20,
    }),
  },
  'places.get': {
    build: async (world) => ({
      inScope: { input: { id: world.a.placeId }, ids: [world.a.placeId] },
      outOfScope: { input: { id: world.b.placeId }, ids: [world.b.placeId], denial: notFoundPlace(world.b.placeId) },
    }),
  },
  'places.history': {
    build: async (world) => ({
      inScope: { input: { id: world.a.placeId }, ids: [] },
      outOfScope: { input: { id: world.b.placeId }, ids: [], denial: notFoundPlace(world.b.placeId) },
    }),
  },
  'places.create': {
    build: async (world) => {
      const place = ({ longitude, latitude }: World['a']['point']) => ({
        name: `Matrix place ${randomUUID().slice(0, 8)}`,
        category: 'park',
        address: 'Recreation ground',
        lon: longitude,
        lat: latitude,
        concernSince: '2025-03-01',
        reasons: ['children seen with older males after dark'],
      });
      const { longitude, latitude } = world.b.point;
      return {
        inScope: { input: place(world.a.point), ids: [] },
        outOfScope: {
          input: place(world.b.point),
          ids: [],
          denial: {
            code: 'FORBIDDEN',
            message: `lon/lat: ${longitude}, ${latitude} is in Ashfield (${world.b.code}), outside your districts`,
          },
        },
      };
    },
  },
  'places.update': {
    build: async (world) => {
      const inScope = await createFreshPlace(world.db, world.a.code);
      const outOfScope = await createFreshPlace(world.db, world.b.code);
      const change = (id: string) => ({ id, version: 1, changes: { reasons: ['matrix: still a concern'] } });
      return {
        inScope: { input: change(inScope), ids: [inScope] },
        outOfScope: { input: change(outOfScope), ids: [outOfScope], denial: notFoundPlace(outOfScope) },
      };
    },
    everyField: async (world) => ({
      id: await createFreshPlace(world.db, world.a.code),
      version: 1,
      changes: {
        name: 'Renamed place',
        category: 'car_park',
        address: 'Station Road',
        lon: world.a.point.longitude,
        lat: world.a.point.latitude,
        concernSince: '2024-12-01',
        concernUntil: '2025-12-01',
        reasons: ['cars waiting with engines running'],
      },
    }),
  },

  'links.create': {
    // Links are not scoped (analysts only, who see every district): both cells link a child to
    // a place of its own district, citing that district's report.
    build: async (world) => {
      const link = (district: World['a']) => ({
        from: { type: 'person', id: district.child.id },
        to: { type: 'place', id: district.placeId },
        linkType: 'frequents',
        source: { type: 'intelligence_report', id: district.intelligenceId },
        firstSeen: '2025-01-05',
        lastSeen: '2025-02-05',
        reliability: 'possible',
      });
      return {
        inScope: { input: link(world.a), ids: [world.a.child.id, world.a.placeId] },
        outOfScope: { input: link(world.b), ids: [world.b.child.id, world.b.placeId] },
      };
    },
  },
  'links.listForEntity': {
    // The child's link to its associate: the associate is shown as the caller's view allows.
    build: async (world) => ({
      inScope: {
        input: { type: 'person', id: world.a.child.id, reason: 'authorization matrix' },
        ids: [world.a.child.id, world.a.associate.id],
      },
      outOfScope: {
        input: { type: 'person', id: world.b.child.id, reason: 'authorization matrix' },
        ids: [world.b.child.id, world.b.associate.id],
        denial: notFoundPerson(world.b.child.id),
      },
    }),
  },

  ...intelligenceFixtures,
  'intelligence.list': {
    build: async (world) => ({
      inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [world.a.intelligenceId] },
      outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [world.b.intelligenceId] },
    }),
    everyField: async (world) => ({
      districtCode: world.a.code,
      category: 'cse',
      from: '2025-01-01',
      to: '2025-12-31',
      limit: 20,
    }),
  },

  'districts.list': { build: noInput },

  'map.layers': { build: noInput },
  'map.orientation': { build: noInput },
  'map.streetNames': {
    build: async () => {
      const view = { west: -1.22, south: 53.13, east: -1.17, north: 53.16 };
      return { inScope: { input: view, ids: [] }, outOfScope: { input: view, ids: [] } };
    },
  },
  'map.places': {
    build: async (world) => ({
      inScope: { input: undefined, ids: [world.a.placeId] },
      outOfScope: { input: undefined, ids: [world.b.placeId] },
    }),
  },

  // Hot spots over places of concern: the in-scope case asks for district A, the out-of-scope one
  // for district B, which callers scoped to A are refused.
  ...hotspotFixtures(),

  // Disruption actions, the tactic catalogue and NSD meetings (issue 7).
  ...disruptionFixtures(),
  ...networkFixtures(),
  ...duplicateFixtures(),
  ...vehicleFixtures(),
  ...adminFixtures(),
  ...exploitationWorkflowFixtures(),
  ...contextualFixtures(),
  ...profileFixtures(),

  'audit.forRecord': {
    build: async (world) => ({
      inScope: { input: { recordType: 'person', id: world.a.child.id, limit: 20 }, ids: [] },
      outOfScope: {
        input: { recordType: 'person', id: world.b.child.id },
        ids: [],
        denial: { code: 'NOT_FOUND', message: `No child ${world.b.child.id} in your districts` },
      },
    }),
  },

  // Missing children (issue 5). Each cell gets fresh children and episodes in districts A and B.
  'missing.recordEpisode': {
    build: async (world) => {
      const report = (personId: string) => ({
        personId,
        careStatus: 'county_care',
        policeRisk: 'medium',
        reportedAt: '2025-03-07T19:30:00+00:00',
      });
      return {
        inScope: { input: report(world.a.child.id), ids: [world.a.child.id] },
        outOfScope: { input: report(world.b.child.id), ids: [], denial: notFoundPerson(world.b.child.id) },
      };
    },
    everyField: async (world) => ({
      personId: world.a.child.id,
      careStatus: 'home',
      policeRisk: 'high',
      reportedAt: '2025-03-07T19:30:00+00:00',
      lastSeen: { lon: world.a.point.longitude, lat: world.a.point.latitude },
    }),
  },
  'missing.regradeRisk': episodeFixture({ reportedHoursAgo: 10 }, (episode) => ({
    id: episode.id,
    version: episode.version,
    toRisk: 'high',
    gradedAt: new Date(Date.now() - HOUR_MS).toISOString(),
    reason: 'seen getting into a car with older males',
  })),
  'missing.recordReturn': episodeFixture({ reportedHoursAgo: 10 }, (episode, world) => ({
    id: episode.id,
    version: episode.version,
    returnedAt: new Date(Date.now() - HOUR_MS).toISOString(),
    found: { lon: world.a.point.longitude, lat: world.a.point.latitude },
    foundLocationType: 'friend_or_relative',
    foundBy: 'Police',
    notes: 'found at a friend’s house',
    rhiService: 'childrens_social_care',
  })),
  'missing.closeEpisode': episodeFixture({ reportedHoursAgo: 10, returnedHoursAgo: 5 }, (episode) => ({
    id: episode.id,
    version: episode.version,
    closedAt: new Date(Date.now() - HOUR_MS).toISOString(),
  })),
  'missing.getEpisode': episodeFixture({ reportedHoursAgo: 10 }, (episode) => ({
    id: episode.id,
    reason: 'authorization matrix',
  })),
  'missing.listEpisodes': {
    build: async (world) => {
      const a = await createChildWithEpisode(world.db, world.a.code, { reportedHoursAgo: 10 });
      const b = await createChildWithEpisode(world.db, world.b.code, { reportedHoursAgo: 10 });
      return {
        inScope: { input: { personId: a.child.id, limit: 50 }, ids: [a.episode.id] },
        outOfScope: { input: { personId: b.child.id, limit: 50 }, ids: [b.episode.id] },
      };
    },
    everyField: async (world) => {
      const a = await createChildWithEpisode(world.db, world.a.code, { reportedHoursAgo: 10 });
      return { personId: a.child.id, openOnly: true, from: '2025-01-01', to: '2099-12-31', limit: 20 };
    },
  },
  'missing.interviewsDue': {
    // Returned 60 hours ago: due within the next 24 hours.
    build: async (world) => {
      const due = { reportedHoursAgo: 70, returnedHoursAgo: 60, rhiService: 'family_service' } as const;
      const a = await createChildWithEpisode(world.db, world.a.code, due);
      const b = await createChildWithEpisode(world.db, world.b.code, due);
      return {
        inScope: { input: { overdueWithinDays: 28 }, ids: [a.episode.id] },
        outOfScope: { input: { overdueWithinDays: 28 }, ids: [b.episode.id] },
      };
    },
  },
  'missing.recordInterview': episodeFixture(
    { reportedHoursAgo: 30, returnedHoursAgo: 20, rhiService: 'childrens_social_care' },
    (episode) => ({ episodeId: episode.id, offeredAt: new Date(Date.now() - HOUR_MS).toISOString() }),
    (episode) => ({
      episodeId: episode.id,
      offeredAt: new Date(Date.now() - 3 * HOUR_MS).toISOString(),
      acceptedAt: new Date(Date.now() - 2 * HOUR_MS).toISOString(),
      completedAt: new Date(Date.now() - HOUR_MS).toISOString(),
      disclosed: { sexualExploitation: false, criminalExploitation: true, adultsPosingRisk: true, offending: false },
      pushFactors: ['arguments at the placement'],
      pullFactors: ['older friends with cars'],
      notes: 'Talked openly; wants to see her sister more often',
    }),
  ),
  'missing.meetingsNeeded': {
    // Still missing after 80 hours: a meeting is required by duration.
    build: async (world) => {
      const a = await createChildWithEpisode(world.db, world.a.code, { reportedHoursAgo: 80 });
      const b = await createChildWithEpisode(world.db, world.b.code, { reportedHoursAgo: 80 });
      return {
        inScope: { input: { withinDays: 30 }, ids: [a.episode.id] },
        outOfScope: { input: { withinDays: 30 }, ids: [b.episode.id] },
      };
    },
  },
  'missing.recordMeeting': episodeFixture({ reportedHoursAgo: 80 }, (episode) => ({
    episodeId: episode.id,
    trigger: 'duration',
    heldAt: new Date(Date.now() - HOUR_MS).toISOString(),
    attendees: ['Police', 'Children’s Social Care'],
    outcome: 'Safety plan agreed; placement to report any contact with the car',
  })),
  'missing.quarterlyFigures': {
    build: async (world) => ({
      inScope: { input: { districtCode: world.a.code }, ids: [] },
      outOfScope: {
        input: { districtCode: world.b.code },
        ids: [],
        denial: { code: 'FORBIDDEN', message: `districtCode: ${world.b.code} is outside your districts` },
      },
    }),
    everyField: async (world) => ({ asOf: '2025-11-22', districtCode: world.a.code }),
  },
  'missing.multipleMissing': {
    // A fresh child missing twice in the last day, in each district.
    build: async (world) => {
      const twice = async (districtCode: string) => {
        const { child } = await createChildWithEpisode(world.db, districtCode, { reportedHoursAgo: 2 });
        await createEpisode(world.db, {
          personId: child.id,
          districtCode,
          reportedAt: new Date(Date.now() - HOUR_MS),
        });
        return child.id;
      };
      const input = { from: '2020-01-01', to: '2099-12-31', limit: 100 };
      return {
        inScope: { input, ids: [await twice(world.a.code)] },
        outOfScope: { input, ids: [await twice(world.b.code)] },
      };
    },
  },
  'missing.philomena.get': {
    build: async (world) => {
      const a = await createFreshPerson(world.db, { districtCode: world.a.code });
      const b = await createFreshPerson(world.db, { districtCode: world.b.code });
      return {
        inScope: { input: { personId: a.id, reason: 'authorization matrix' }, ids: [a.id] },
        outOfScope: { input: { personId: b.id }, ids: [b.id], denial: notFoundPerson(b.id) },
      };
    },
  },
  'missing.philomena.save': {
    build: async (world) => {
      const a = await createFreshPerson(world.db, { districtCode: world.a.code });
      const b = await createFreshPerson(world.db, { districtCode: world.b.code });
      const profile = (personId: string) => ({ personId, version: 0, description: 'Slim, 160 cm, short dark hair' });
      return {
        inScope: { input: profile(a.id), ids: [a.id] },
        outOfScope: { input: profile(b.id), ids: [b.id], denial: notFoundPerson(b.id) },
      };
    },
    everyField: async (world) => {
      const child = await createFreshPerson(world.db, { districtCode: world.a.code });
      return {
        personId: child.id,
        version: 0,
        description: 'Slim, 160 cm, short dark hair, scar on left hand',
        photo: { contentType: 'image/png', base64: onePixelPng },
        vulnerabilities: ['self-harm when distressed'],
        importantPeople: [{ personId: world.a.associate.id, relationship: 'older boyfriend' }],
        importantPlaces: [{ placeId: world.a.placeId, note: 'meets friends here after school' }],
        phones: ['07700 900123'],
        socialMedia: ['snapchat: fresh.record'],
        transport: 'Bus 1 to Mansfield; gets lifts in a grey Astra',
      };
    },
  },
  'missing.philomena.print': {
    build: async (world) => {
      const withProfile = async (districtCode: string) => {
        const child = await createFreshPerson(world.db, { districtCode });
        await world.db.prisma.philomenaProfile.create({
          data: { personId: child.id, profileVersion: 1, description: 'Tall, red coat' },
        });
        return child.id;
      };
      const a = await withProfile(world.a.code);
      const b = await withProfile(world.b.code);
      return {
        inScope: { input: { personId: a, reason: 'police request: child missing' }, ids: [a] },
        outOfScope: { input: { personId: b, reason: 'police request' }, ids: [b], denial: notFoundPerson(b) },
      };
    },
  },
  'missing.philomena.savePart2': episodeFixture({ reportedHoursAgo: 3 }, (episode) => ({
    episodeId: episode.id,
    clothing: 'Black puffer jacket, grey joggers, white trainers',
    lastSeenDescription: 'Leaving the placement by the back gate at 21:00',
  })),
  'missing.getThresholds': { build: noInput },
  // The exploitation figures are the county's aggregates: not scoped, both cells ask the same.
  'exploitation.report': {
    build: async () => {
      const input = { kind: 'cse', from: '2024-04-01', to: '2025-03-31' };
      return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
    },
  },
  'exploitation.committeeTable': {
    build: async () => {
      const input = { kind: 'cce' };
      return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
    },
    everyField: async () => ({ kind: 'cse', yearEnding: 2025 }),
  },
  'missing.importEpisodes': {
    // The county feed is not limited to districts: both cells import a fresh one-episode file.
    build: async (world) => {
      const ref = randomUUID().slice(0, 8);
      const csv = [
        'episode_ref,child_ref,sex,date_of_birth,care_status,police_risk,reported_at,returned_at,last_seen_lat,last_seen_lon,found_lat,found_lon,rhi_service,rhi_completed_at,mam_held_at',
        `EP-${ref},CH-${ref},F,2010-05-04,home,medium,2025-06-01T18:00:00+01:00,2025-06-02T09:00:00+01:00,${world.a.point.latitude},${world.a.point.longitude},,,family_service,,`,
      ].join('\n');
      const input = { fileName: `episodes-${ref}.csv`, csv, skipInvalid: false };
      return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
    },
  },
  'missing.setThresholds': {
    build: async (world) => {
      const settings = await world.db.prisma.missingSettings.findUniqueOrThrow({ where: { id: 1 } });
      const input = { mamDurationHours: 72, mamRepeatCount: 3, mamWindowDays: 90, version: settings.version };
      return { inScope: { input, ids: [] }, outOfScope: { input, ids: [] } };
    },
  },
};

type EpisodeOptions = Parameters<typeof createChildWithEpisode>[2];
type FreshEpisode = Awaited<ReturnType<typeof createChildWithEpisode>>['episode'];

/** A procedure about one episode: a fresh child and episode in each district, NOT_FOUND outside. */
function episodeFixture(
  options: EpisodeOptions,
  input: (episode: FreshEpisode, world: World) => unknown,
  everyField?: (episode: FreshEpisode, world: World) => unknown,
): ProcedureFixture {
  return {
    build: async (world) => {
      const a = await createChildWithEpisode(world.db, world.a.code, options);
      const b = await createChildWithEpisode(world.db, world.b.code, options);
      return {
        inScope: { input: input(a.episode, world), ids: [a.episode.id] },
        outOfScope: {
          input: input(b.episode, world),
          ids: [b.episode.id],
          denial: { code: 'NOT_FOUND', message: `No missing episode ${b.episode.id} in your districts` },
        },
      };
    },
    ...(everyField
      ? {
          everyField: async (world: World) =>
            everyField((await createChildWithEpisode(world.db, world.a.code, options)).episode, world),
        }
      : {}),
  };
}
