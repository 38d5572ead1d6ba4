import { randomUUID } from 'node:crypto';
import type { Database } from '@lantern/db';
import { createAgency } from './factories.ts';

/**
 * Factories for the network views: intelligence with any 3x5x2 grading, entity links with their
 * dates and reliability, and missing episodes with a found location. Fresh rows on every call;
 * geometry goes in through SQL.
 */

export interface Point {
  lon: number;
  lat: number;
}

/** A point `metres` north of another (a degree of latitude is about 111.2 km). */
export const north = (point: Point, metres: number): Point => ({ lon: point.lon, lat: point.lat + metres / 111_200 });

export interface GradedIntelligenceOptions {
  /** Where it happened: its district comes from this point. */
  at: Point;
  /** Source evaluation and intelligence assessment, e.g. "2B". */
  grading?: `${'1' | '2' | '3'}${'A' | 'B' | 'C' | 'D' | 'E'}`;
  handlingCode?: 'P' | 'C';
  occurredAt?: string;
}

export async function createGradedIntelligence(db: Database, options: GradedIntelligenceOptions) {
  const agency = await createAgency(db);
  const grading = options.grading ?? '2B';
  const handlingCode = options.handlingCode ?? 'P';
  const [row] = await db.sql.query<{ id: string; reference: string }>(
    `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code,
       handling_conditions, category, body, occurred_at, submitted_at, geom, submitting_agency_id, status)
     VALUES ($1, $2::source_evaluation, $3::intelligence_evaluation, $4::handling_code, $5, 'cse',
       'Seen getting into a grey car outside the chip shop', $6::timestamptz, $6::timestamptz,
       ST_SetSRID(ST_MakePoint($7, $8), 4326), $9::uuid, 'developed')
     RETURNING id::text AS id, reference`,
    [
      `NET-${randomUUID()}`,
      grading[0],
      grading[1],
      handlingCode,
      handlingCode === 'C' ? 'Not to be disclosed outside the police without the evaluator’s consent' : null,
      options.occurredAt ?? '2025-02-01T20:00:00Z',
      options.at.lon,
      options.at.lat,
      agency.id,
    ],
  );
  if (!row) throw new Error('createGradedIntelligence: no row');
  return row;
}

export type NetworkEnd = {
  type: 'person' | 'place' | 'vehicle' | 'intelligence_report' | 'missing_episode';
  id: string;
};

export interface NetworkLinkOptions {
  source: { type: 'intelligence_report' | 'missing_episode'; id: string };
  linkType?: string;
  firstSeen?: string;
  lastSeen?: string;
  reliability?: 'confirmed' | 'probable' | 'possible' | 'unverified';
}

export async function createNetworkLink(db: Database, from: NetworkEnd, to: NetworkEnd, options: NetworkLinkOptions) {
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO entity_link (from_type, from_id, to_type, to_id, link_type, source_type, source_id, first_seen,
       last_seen, reliability)
     VALUES ($1::entity_type, $2::uuid, $3::entity_type, $4::uuid, $5, $6::link_source_type, $7::uuid, $8::date,
       $9::date, $10::link_reliability)
     RETURNING id::text AS id`,
    [
      from.type,
      from.id,
      to.type,
      to.id,
      options.linkType ?? 'associates_with',
      options.source.type,
      options.source.id,
      options.firstSeen ?? '2025-01-01',
      options.lastSeen ?? '2025-02-01',
      options.reliability ?? 'probable',
    ],
  );
  if (!row) throw new Error('createNetworkLink: no row');
  return row;
}

/** A person-to-person link resting on a fresh report of the given grading (and handling code). */
export async function linkPeople(
  db: Database,
  fromId: string,
  toId: string,
  options: Omit<GradedIntelligenceOptions, 'at'> & Omit<NetworkLinkOptions, 'source'> & { at: Point },
) {
  const report = await createGradedIntelligence(db, options);
  const link = await createNetworkLink(
    db,
    { type: 'person', id: fromId },
    { type: 'person', id: toId },
    { ...options, source: { type: 'intelligence_report', id: report.id } },
  );
  return { report, link };
}

export interface FoundEpisodeOptions {
  personId: string;
  districtCode: string;
  reportedAt: string;
  returnedAt: string;
  foundAt: Point;
}

/** A missing episode, returned, with where the child was found. */
export async function createFoundEpisode(db: Database, options: FoundEpisodeOptions) {
  const [row] = await db.sql.query<{ id: string; episodeRef: string }>(
    `INSERT INTO missing_episode (episode_ref, person_id, care_status, police_risk, reported_at, returned_at,
       found_geom, district_code)
     VALUES ($1, $2::uuid, 'county_care', 'medium', $3::timestamptz, $4::timestamptz,
       ST_SetSRID(ST_MakePoint($5, $6), 4326), $7)
     RETURNING id::text AS id, episode_ref AS "episodeRef"`,
    [
      `ME-${randomUUID()}`,
      options.personId,
      options.reportedAt,
      options.returnedAt,
      options.foundAt.lon,
      options.foundAt.lat,
      options.districtCode,
    ],
  );
  if (!row) throw new Error('createFoundEpisode: no row');
  return row;
}
