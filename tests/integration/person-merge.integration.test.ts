import { accessFor, mergePeople } from '@lantern/app';
import { type Database, type Principal, personReferenceColumns } from '@lantern/db';
import { AppError, policyFor } from '@lantern/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshIntelligence,
  createFreshLink,
  createFreshPerson,
  createFreshPlace,
} from '../support/access-world.ts';
import { callerFor } from '../support/api.ts';
import { createFreshAction, createFreshMeeting } from '../support/disruption-world.ts';
import { createAgency, createUser } from '../support/factories.ts';
import { createEpisode } from '../support/missing-factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Merging two person records and undoing it (issue 14): the merge moves every record that names
 * the merged-away person, undoing it restores the database exactly, and only analysts, giving a
 * reason and the versions they read, may do either.
 */
const mansfield = 'E07000174';

let db: Database;
let analyst: Principal;
let agencyId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  agencyId = (await createAgency(db)).id;
});
afterAll(() => db?.close());

/** Two children who are one child, each with the records a person can carry. */
async function recordedTwice() {
  const survivor = await createFreshPerson(db, { districtCode: mansfield, givenName: 'Kyle', familyName: 'Smith' });
  const merged = await createFreshPerson(db, { districtCode: mansfield, givenName: 'Kyle', familyName: 'Smyth' });
  const associate = await createFreshPerson(db, { kind: 'associate', districtCode: mansfield });
  const placeId = await createFreshPlace(db, mansfield);
  const reportId = await createFreshIntelligence(db, mansfield, agencyId);
  for (const person of [survivor, merged]) {
    const episode = await createEpisode(db, {
      personId: person.id,
      districtCode: mansfield,
      reportedAt: new Date('2025-03-01T20:00:00Z'),
      returnedAt: new Date('2025-03-02T08:00:00Z'),
    });
    await db.sql.query(
      `INSERT INTO multi_agency_meeting (person_id, episode_id, trigger, held_at, outcome)
       VALUES ($1::uuid, $2::uuid, 'repeat', '2025-03-05T10:00:00Z', 'safety plan agreed')`,
      [person.id, episode.id],
    );
    // Both have a Philomena profile number 1: the merge must renumber rather than collide.
    await db.sql.query(
      `INSERT INTO philomena_profile (person_id, profile_version, description) VALUES ($1::uuid, 1, 'slim build, dark hair')`,
      [person.id],
    );
  }
  await createFreshLink(db, { type: 'person', id: merged.id }, { type: 'place', id: placeId }, reportId);
  await createFreshLink(db, { type: 'person', id: associate.id }, { type: 'person', id: merged.id }, reportId);
  await createFreshLink(db, { type: 'person', id: survivor.id }, { type: 'person', id: merged.id }, reportId);
  await db.sql.query(
    `INSERT INTO philomena_profile_person (profile_id, person_id, relationship)
     SELECT id, $2::uuid, 'associate' FROM philomena_profile WHERE person_id = $1::uuid`,
    [survivor.id, merged.id],
  );
  await createFreshAction(db, {
    districtCode: mansfield,
    tactic: 'child_abduction_warning_notice',
    target: { type: 'person', personId: merged.id },
    holderAgencyId: agencyId,
    ownerId: analyst.id,
  });
  const meetingId = await createFreshMeeting(db, mansfield);
  await db.sql.query(
    `INSERT INTO nsd_minute (meeting_id, item_key, item_title, text) VALUES ($1::uuid, $2, 'Child', 'Seen at the takeaway')`,
    [meetingId, `child:${merged.id}`],
  );
  return { survivor, merged };
}

/** Every row of every table that can name a person, ordered: the whole of what a merge may touch. */
async function dumpPersonTables(): Promise<Record<string, string[]>> {
  const tables = new Set(['person', 'person_merge', 'entity_link', 'nsd_minute', 'philomena_profile_person']);
  for (const column of await personReferenceColumns(db.prisma)) tables.add(column.split('.')[0] ?? '');
  const dump: Record<string, string[]> = {};
  for (const table of [...tables].sort()) {
    const rows = await db.sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`);
    dump[table] = rows.map((row) => row.row);
  }
  return dump;
}

/** Asserts the exact code and message a call was refused with (a use case's AppError or the API's TRPCError). */
async function expectAppError(promise: Promise<unknown>, code: string, message: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError || error instanceof TRPCError))
    throw new Error(`expected a refusal, got ${String(error)}`);
  expect({ code: error.code, message: error.message }).toEqual({ code, message });
}

const mergePolicy = policyFor('people.merge');
const unmergePolicy = policyFor('people.unmerge');
if (!mergePolicy || !unmergePolicy) throw new Error('people.merge and people.unmerge need policies');

describe('people.merge and people.unmerge', () => {
  it('knows every column that can hold a person id, foreign key or not', async () => {
    const columns = await personReferenceColumns(db.prisma);
    for (const column of [
      'missing_episode.person_id',
      'multi_agency_meeting.person_id',
      'philomena_profile.person_id',
      'philomena_profile_person.person_id',
      'disruption_action.target_person_id',
      'entity_link.from_id',
      'entity_link.to_id',
      'nsd_minute.item_key',
    ]) {
      expect(columns).toContain(column);
    }
  });

  it('moves every record to the survivor, and undoing it leaves the database exactly as it was', async () => {
    const { survivor, merged } = await recordedTwice();
    // Audit events are left out of the comparison: the table is append-only by design, and the
    // merge and its undo each add one.
    const before = await dumpPersonTables();
    const caller = callerFor(db, analyst);

    const result = await caller.people.merge({
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      reason: 'Same child: name misspelt on the second referral',
    });

    expect(result.merge.moved).toEqual({
      'disruption_action.target_person_id': 1,
      'entity_link.from_id': 1,
      'entity_link.to_id': 1,
      'missing_episode.person_id': 1,
      'multi_agency_meeting.person_id': 1,
      'nsd_minute.item_key': 1,
      'philomena_profile.person_id': 1,
      // The survivor's profile listed the merged-away record as an associate: it now names the survivor.
      'philomena_profile_person.person_id': 1,
    });
    const episodes = await db.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM missing_episode WHERE person_id = $1::uuid',
      [survivor.id],
    );
    expect(episodes[0]?.n).toBe(2);
    const profiles = await db.sql.query<{ v: number }>(
      'SELECT profile_version AS v FROM philomena_profile WHERE person_id = $1::uuid ORDER BY 1',
      [survivor.id],
    );
    expect(profiles.map((row) => row.v)).toEqual([1, 2]);
    const search = await caller.people.search({ name: 'Kyle Smyth', limit: 50 });
    expect(search.people.map((found) => found.person.id)).not.toContain(merged.id);
    const seen = await caller.people.duplicates({ id: merged.id });
    expect(seen.mergedInto?.survivorId).toBe(survivor.id);
    expect(seen.mergedInto?.reason).toBe('Same child: name misspelt on the second referral');
    expect(result.merged.view === 'full' && result.merged.version).toBe(merged.version + 1);

    await caller.people.unmerge({ mergedId: merged.id, version: merged.version + 1, reason: 'Two different boys' });

    expect(await dumpPersonTables()).toEqual(before);
    const audit = await db.sql.query<{ action: string; reason: string; operation: string }>(
      `SELECT action, reason, details->>'operation' AS operation FROM audit_event
       WHERE procedure IN ('people.merge', 'people.unmerge') AND $1 = ANY(record_ids) ORDER BY seq`,
      [merged.id],
    );
    expect(audit).toEqual([
      { action: 'update', reason: 'Same child: name misspelt on the second referral', operation: 'merge' },
      { action: 'update', reason: 'Two different boys', operation: 'unmerge' },
    ]);
  });

  it('refuses a stale version of either person with the CONFLICT of optimistic concurrency', async () => {
    const { survivor, merged } = await recordedTwice();
    await db.sql.query('UPDATE person SET version = version + 1 WHERE id = $1::uuid', [merged.id]);
    const caller = callerFor(db, analyst);
    await expectAppError(
      caller.people.merge({
        survivorId: survivor.id,
        survivorVersion: survivor.version,
        mergedId: merged.id,
        mergedVersion: merged.version,
        reason: 'same child',
      }),
      'CONFLICT',
      `version: person ${merged.id} was changed by someone else since you read version ${merged.version} (it is now version ${merged.version + 1}); reload it and make your change again`,
    );
  });

  it('refuses a second merge of the same record, and an undo with a stale version', async () => {
    const { survivor, merged } = await recordedTwice();
    const other = await createFreshPerson(db, { districtCode: mansfield });
    const access = accessFor(analyst, 'people.merge', mergePolicy);
    await mergePeople({ db }, access, {
      survivorId: survivor.id,
      survivorVersion: survivor.version,
      mergedId: merged.id,
      mergedVersion: merged.version,
      reason: 'same child',
    });
    await expectAppError(
      mergePeople({ db }, access, {
        survivorId: other.id,
        survivorVersion: other.version,
        mergedId: merged.id,
        mergedVersion: merged.version + 1,
        reason: 'same child',
      }),
      'CONFLICT',
      `mergedId: person ${merged.id} is already merged into ${survivor.id}`,
    );
    await expectAppError(
      callerFor(db, analyst).people.unmerge({ mergedId: merged.id, version: merged.version, reason: 'undo' }),
      'CONFLICT',
      `version: person ${merged.id} was changed by someone else since you read version ${merged.version} (it is now version ${merged.version + 1}); reload it and make your change again`,
    );
  });

  it('does not let a district officer or a coordinator merge, and audits the refusal', async () => {
    const { survivor, merged } = await recordedTwice();
    for (const role of ['district_officer', 'missing_coordinator'] as const) {
      const user = await createUser(db, { roles: [role], districtCodes: [mansfield] });
      await expectAppError(
        callerFor(db, user).people.merge({
          survivorId: survivor.id,
          survivorVersion: survivor.version,
          mergedId: merged.id,
          mergedVersion: merged.version,
          reason: 'same child',
        }),
        'FORBIDDEN',
        `Your role (${role}) may not use people.merge`,
      );
      const denied = await db.sql.query<{ action: string }>(
        `SELECT action FROM audit_event WHERE user_id = $1::uuid AND procedure = 'people.merge'`,
        [user.id],
      );
      expect(denied).toEqual([{ action: 'denied' }]);
    }
  });

  it('needs a reason from the analyst', async () => {
    const { survivor, merged } = await recordedTwice();
    await expectAppError(
      callerFor(db, analyst).people.merge({
        survivorId: survivor.id,
        survivorVersion: survivor.version,
        mergedId: merged.id,
        mergedVersion: merged.version,
        reason: '   ',
      }),
      'BAD_REQUEST',
      'reason: must not be empty',
    );
  });
});
