import { randomUUID } from 'node:crypto';
import type { Database } from '@lantern/db';
import { addDays } from '@lantern/domain';
import { createFreshPlace, type World } from './access-world.ts';

/**
 * Disruption actions, NSD meetings and action log items for the cross-cutting access tests and
 * the disruption/NSD integration tests: fresh rows on every call, written in SQL.
 */
export async function tacticIdOf(db: Database, code: string): Promise<string> {
  const [row] = await db.sql.query<{ id: string }>('SELECT id::text AS id FROM tactic WHERE code = $1', [code]);
  if (!row) throw new Error(`no tactic ${code} in the catalogue`);
  return row.id;
}

export interface FreshActionOptions {
  districtCode: string;
  tactic?: string;
  /** A place target (a fresh place in the district unless `placeId`), or an associate. */
  target: { type: 'place'; placeId?: string } | { type: 'person'; personId: string };
  holderAgencyId: string;
  ownerId: string;
  status?: 'proposed' | 'in_force';
  inForceFrom?: string;
  reviewOn?: string | null;
  expiresOn?: string | null;
}

export async function createFreshAction(db: Database, options: FreshActionOptions): Promise<string> {
  const tacticId = await tacticIdOf(db, options.tactic ?? 'targeted_patrols');
  const placeId =
    options.target.type === 'place'
      ? (options.target.placeId ?? (await createFreshPlace(db, options.districtCode)))
      : null;
  const personId = options.target.type === 'person' ? options.target.personId : null;
  const inForce = options.status === 'in_force';
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO disruption_action (tactic_id, target_type, target_place_id, target_person_id, holder_agency_id, owner_id,
       district_code, status, proposed_on, agreed_on, in_force_from, review_on, expires_on)
     VALUES ($1::uuid, $2::disruption_target_type, $3::uuid, $4::uuid, $5::uuid, $6::uuid, $7, $8::disruption_status,
       '2025-01-02', $9::date, $10::date, $11::date, $12::date)
     RETURNING id::text AS id`,
    [
      tacticId,
      options.target.type,
      placeId,
      personId,
      options.holderAgencyId,
      options.ownerId,
      options.districtCode,
      inForce ? 'in_force' : 'proposed',
      inForce ? '2025-01-03' : null,
      inForce ? (options.inForceFrom ?? '2025-01-10') : null,
      inForce ? (options.reviewOn === undefined ? '2025-02-07' : options.reviewOn) : null,
      inForce ? (options.expiresOn ?? null) : null,
    ],
  );
  if (!row) throw new Error('disruption action insert returned nothing');
  return row.id;
}

/** A world action in a district: against the district's associate, or in force on a fresh place. */
export function worldAction(world: World, district: 'a' | 'b', kind: 'associate' | 'place-in-force') {
  const target = world[district];
  return createFreshAction(world.db, {
    districtCode: target.code,
    target: kind === 'associate' ? { type: 'person', personId: target.associate.id } : { type: 'place' },
    tactic: kind === 'associate' ? 'community_protection_warning' : 'targeted_patrols',
    holderAgencyId: world.agencyId,
    ownerId: world.users.police_analyst.id,
    status: kind === 'associate' ? 'proposed' : 'in_force',
  });
}

/** A meeting on a random date (meetings are unique per district and day). */
export async function createFreshMeeting(db: Database, districtCode: string, heldOn?: string): Promise<string> {
  const day = heldOn ?? randomMeetingDate();
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO nsd_meeting (district_code, held_on, chair, attendees, agencies)
     VALUES ($1, $2::date, 'DI Test', ARRAY['DI Test', 'Community safety officer'], ARRAY['Police', 'District council'])
     RETURNING id::text AS id`,
    [districtCode, day],
  );
  if (!row) throw new Error('meeting insert returned nothing');
  return row.id;
}

/**
 * Days from 2027 on, from a random start, one per call: no two meetings of a test file collide,
 * and every date stays within the ten years ahead a meeting may be planned.
 */
let nextMeetingDay = Number.parseInt(randomUUID().slice(0, 4), 16) % 1500;

export function randomMeetingDate(): string {
  nextMeetingDay += 1;
  return addDays('2027-01-01', nextMeetingDay);
}

export async function createFreshActionItem(db: Database, districtCode: string): Promise<string> {
  const meetingId = await createFreshMeeting(db, districtCode);
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO nsd_action_item (district_code, raised_at_meeting_id, description, owner, agency, due_on)
     VALUES ($1, $2::uuid, 'Visit the takeaway with licensing', 'PC Test', 'Police', '2030-01-01')
     RETURNING id::text AS id`,
    [districtCode, meetingId],
  );
  if (!row) throw new Error('action item insert returned nothing');
  return row.id;
}
