import { randomUUID } from 'node:crypto';
import type { Database } from '@lantern/db';
import { addDays, londonDate } from '@lantern/domain';
import {
  createFreshIntelligence,
  createFreshLink,
  createFreshPerson,
  createFreshPlace,
  type World,
} from './access-world.ts';
import type { ProcedureFixture } from './fixture-types.ts';

/**
 * Contextual Safeguarding (issue 15): hand-built records for the assessments, the "names without
 * actions" warning and the early-identification list, and the procedure fixtures of `contextual.*`.
 */

const reviewOn = () => addDays(londonDate(), 30);

export async function insertLocationAssessmentRecord(
  db: Database,
  placeId: string,
  options: { reviewOn?: string; lastReviewedOn?: string | null } = {},
) {
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO location_assessment (place_id, district_code, times_of_concern, guardianship, unsafe_factors, plan, owner,
       review_on, last_reviewed_on)
     SELECT id, district_code, 'Evenings after school', 'No staff after 18:00', 'Unlit path', 'Lighting and patrols',
       'Community safety officer', $2::date, $3::date
     FROM place_of_concern WHERE id = $1::uuid
     RETURNING id::text AS id`,
    [placeId, options.reviewOn ?? reviewOn(), options.lastReviewedOn === undefined ? null : options.lastReviewedOn],
  );
  if (!row) throw new Error('location assessment insert returned nothing');
  return row.id;
}

export async function insertPeerGroupRecord(
  db: Database,
  districtCode: string,
  memberIds: readonly string[],
  options: { reviewOn?: string; lastReviewedOn?: string | null } = {},
) {
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO peer_group_assessment (name, district_code, dynamics, safety_plan, owner, review_on, last_reviewed_on)
     VALUES ($1, $2, 'Older peers recruit younger', 'Youth work outreach', 'Exploitation coordinator', $3::date, $4::date)
     RETURNING id::text AS id`,
    [`Group ${randomUUID().slice(0, 6)}`, districtCode, options.reviewOn ?? reviewOn(), options.lastReviewedOn ?? null],
  );
  if (!row) throw new Error('peer group insert returned nothing');
  for (const memberId of memberIds) {
    await db.sql.query('INSERT INTO peer_group_member (assessment_id, person_id) VALUES ($1::uuid, $2::uuid)', [
      row.id,
      memberId,
    ]);
  }
  return row.id;
}

export async function setRisk(
  db: Database,
  personId: string,
  kind: 'cse' | 'cce',
  level: 'none' | 'low' | 'medium' | 'high',
) {
  await db.sql.query(
    `UPDATE person SET ${kind}_risk = $2::exploitation_risk,
       ${kind}_flagged_at = CASE WHEN $2 = 'none' THEN NULL ELSE coalesce(${kind}_flagged_at, DATE '2025-01-10') END
     WHERE id = $1::uuid`,
    [personId, level],
  );
}

/** A missing episode reported `daysAgo` days ago, optionally found at a point. */
export async function insertEpisode(
  db: Database,
  personId: string,
  districtCode: string,
  daysAgo: number,
  found?: { longitude: number; latitude: number },
) {
  const [row] = await db.sql.query<{ id: string; ref: string }>(
    `INSERT INTO missing_episode (episode_ref, person_id, care_status, police_risk, reported_at, returned_at, district_code, found_geom)
     VALUES ($1, $2::uuid, 'home', 'medium', now() - make_interval(days => $3::int), now() - make_interval(days => $3::int) + interval '5 hours',
       $4, CASE WHEN $5::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($5::float8, $6::float8), 4326) END)
     RETURNING id::text AS id, episode_ref AS ref`,
    [
      `ME-${randomUUID().slice(0, 12)}`,
      personId,
      daysAgo,
      districtCode,
      found?.longitude ?? null,
      found?.latitude ?? null,
    ],
  );
  if (!row) throw new Error('episode insert returned nothing');
  return row;
}

/** A return home interview after the episode in which the child disclosed sexual exploitation. */
export async function insertDisclosure(db: Database, episodeId: string) {
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO return_home_interview (episode_id, service, completed_at, disclosed_sexual_exploitation)
     VALUES ($1::uuid, 'family_service', now() - interval '1 day', true) RETURNING id::text AS id`,
    [episodeId],
  );
  if (!row) throw new Error('interview insert returned nothing');
  return row.id;
}

/** Names the child as a matched subject of a developed, P-coded intelligence report. */
export async function nameInIntelligence(db: Database, reportId: string, personId: string) {
  await db.sql.query(
    `INSERT INTO intelligence_subject (report_id, position, name, person_id, resolution)
     VALUES ($1::uuid, (SELECT count(*) FROM intelligence_subject WHERE report_id = $1::uuid), 'Named child', $2::uuid, 'matched')`,
    [reportId, personId],
  );
  await db.sql.query(`UPDATE intelligence_report SET occurred_at = now() - interval '3 days' WHERE id = $1::uuid`, [
    reportId,
  ]);
}

/** A child not yet flagged with two signals: a disclosure at a return interview and a mention in intelligence. */
export async function childWithTwoSignals(db: Database, code: string, agencyId: string) {
  const child = await createFreshPerson(db, { districtCode: code });
  const episode = await insertEpisode(db, child.id, code, 10);
  const interviewId = await insertDisclosure(db, episode.id);
  const reportId = await createFreshIntelligence(db, code, agencyId);
  await nameInIntelligence(db, reportId, child.id);
  return { childId: child.id, episode, interviewId, reportId };
}

/** An associate linked to a child at high risk, with no action, assessment or review date. */
export async function associateWithoutAction(db: Database, code: string, agencyId: string) {
  const child = await createFreshPerson(db, { districtCode: code });
  await setRisk(db, child.id, 'cse', 'high');
  const associate = await createFreshPerson(db, { districtCode: code, kind: 'associate' });
  const report = await createFreshIntelligence(db, code, agencyId);
  const linkId = await createFreshLink(
    db,
    { type: 'person', id: child.id },
    { type: 'person', id: associate.id },
    report,
  );
  return { childId: child.id, associateId: associate.id, linkId };
}

const locationInput = () => ({
  timesOfConcern: 'Weekday evenings, 18:00 to 23:00',
  guardianship: 'No staff on site after 18:00; CCTV at the entrance only',
  unsafeFactors: 'Unlit path behind the shops; adults gather by the benches',
  plan: 'Lighting repair; evening patrols; business awareness visit',
  owner: 'Community safety officer',
  reviewOn: reviewOn(),
});

const peerInput = (memberIds: string[]) => ({
  name: `Kirkby skate park group ${randomUUID().slice(0, 4)}`,
  memberIds,
  dynamics: 'Two older members bring younger ones to the park after school',
  safetyPlan: 'Detached youth work on Tuesdays; school liaison',
  owner: 'Exploitation coordinator',
  reviewOn: reviewOn(),
});

async function twoMembers(world: World, side: 'a' | 'b') {
  const code = world[side].code;
  const first = await createFreshPerson(world.db, { districtCode: code });
  const second = await createFreshPerson(world.db, { districtCode: code });
  return [first.id, second.id];
}

export function contextualFixtures(): Record<string, ProcedureFixture> {
  return {
    'contextual.createLocationAssessment': {
      build: async (world) => {
        const a = await createFreshPlace(world.db, world.a.code);
        const b = await createFreshPlace(world.db, world.b.code);
        return {
          inScope: { input: { placeId: a, ...locationInput() }, ids: [a] },
          outOfScope: {
            input: { placeId: b, ...locationInput() },
            ids: [b],
            denial: { code: 'NOT_FOUND', message: `placeId: no place ${b} in your districts` },
          },
        };
      },
    },
    'contextual.updateLocationAssessment': {
      build: async (world) => {
        const a = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.a.code));
        const b = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.b.code));
        return {
          inScope: { input: { id: a, version: 1, ...locationInput() }, ids: [a] },
          outOfScope: {
            input: { id: b, version: 1, ...locationInput() },
            ids: [b],
            denial: { code: 'NOT_FOUND', message: `id: no location assessment ${b} in your districts` },
          },
        };
      },
      everyField: async (world) => ({
        id: await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.a.code)),
        version: 1,
        ...locationInput(),
        reviewed: true,
      }),
    },
    'contextual.getLocationAssessment': {
      build: async (world) => {
        const a = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.a.code));
        const b = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.b.code));
        return {
          inScope: { input: { id: a }, ids: [a] },
          outOfScope: {
            input: { id: b },
            ids: [b],
            denial: { code: 'NOT_FOUND', message: `id: no location assessment ${b} in your districts` },
          },
        };
      },
    },
    'contextual.createPeerGroupAssessment': {
      build: async (world) => {
        const a = await twoMembers(world, 'a');
        const b = await twoMembers(world, 'b');
        return {
          inScope: { input: { districtCode: world.a.code, ...peerInput(a) }, ids: a },
          outOfScope: {
            input: { districtCode: world.b.code, ...peerInput(b) },
            ids: b,
            denial: { code: 'FORBIDDEN', message: `districtCode: ${world.b.code} is outside your districts` },
          },
        };
      },
      everyField: async (world) => ({
        districtCode: world.a.code,
        ...peerInput(await twoMembers(world, 'a')),
        sharedPlaceIds: [world.a.placeId],
      }),
    },
    'contextual.updatePeerGroupAssessment': {
      build: async (world) => {
        const membersA = await twoMembers(world, 'a');
        const membersB = await twoMembers(world, 'b');
        const a = await insertPeerGroupRecord(world.db, world.a.code, membersA);
        const b = await insertPeerGroupRecord(world.db, world.b.code, membersB);
        return {
          inScope: { input: { id: a, version: 1, ...peerInput(membersA) }, ids: [a, ...membersA] },
          outOfScope: {
            input: { id: b, version: 1, ...peerInput(membersB) },
            ids: [b],
            denial: { code: 'NOT_FOUND', message: `id: no peer-group assessment ${b} in your districts` },
          },
        };
      },
      everyField: async (world) => {
        const members = await twoMembers(world, 'a');
        const id = await insertPeerGroupRecord(world.db, world.a.code, members);
        return { id, version: 1, ...peerInput(members), sharedPlaceIds: [world.a.placeId], reviewed: true };
      },
    },
    'contextual.getPeerGroupAssessment': {
      build: async (world) => {
        const membersA = await twoMembers(world, 'a');
        const membersB = await twoMembers(world, 'b');
        const a = await insertPeerGroupRecord(world.db, world.a.code, membersA);
        const b = await insertPeerGroupRecord(world.db, world.b.code, membersB);
        return {
          inScope: { input: { id: a }, ids: [a, ...membersA] },
          outOfScope: {
            input: { id: b },
            ids: [b],
            denial: { code: 'NOT_FOUND', message: `id: no peer-group assessment ${b} in your districts` },
          },
        };
      },
    },
    'contextual.list': {
      build: async (world) => {
        const a = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.a.code));
        const b = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.b.code));
        return {
          inScope: { input: { districtCode: world.a.code, type: 'location', limit: 200 }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code, type: 'location', limit: 200 }, ids: [b] },
        };
      },
    },
    'contextual.listDue': {
      build: async (world) => {
        const a = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.a.code));
        const b = await insertLocationAssessmentRecord(world.db, await createFreshPlace(world.db, world.b.code));
        return {
          inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [b] },
        };
      },
      everyField: async (world) => ({ districtCode: world.a.code, asOf: londonDate(), limit: 200 }),
    },
    'contextual.namesWithoutActions': {
      build: async (world) => {
        const a = (await associateWithoutAction(world.db, world.a.code, world.agencyId)).associateId;
        const b = (await associateWithoutAction(world.db, world.b.code, world.agencyId)).associateId;
        return {
          inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [b] },
        };
      },
    },
    'contextual.earlyIdentification': {
      build: async (world) => {
        const a = (await childWithTwoSignals(world.db, world.a.code, world.agencyId)).childId;
        const b = (await childWithTwoSignals(world.db, world.b.code, world.agencyId)).childId;
        return {
          inScope: { input: { districtCode: world.a.code, limit: 200 }, ids: [a] },
          outOfScope: { input: { districtCode: world.b.code, limit: 200 }, ids: [b] },
        };
      },
      everyField: async (world) => ({ districtCode: world.a.code, asOf: londonDate(), limit: 200 }),
    },
  };
}
