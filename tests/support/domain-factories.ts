import { randomUUID } from 'node:crypto';
import type { Database } from '@lantern/db';
import type { IntelligenceCategory, PlaceCategory } from '@lantern/domain';
import { createAgency } from './factories.ts';

/**
 * Factories for places, intelligence, vehicles, missing episodes and links: fresh rows with
 * unique values on every call. Geometry goes in through SQL, as in packages/db.
 */

/** A point well inside each district (PostGIS ST_PointOnSurface of the shipped boundaries). */
export const pointIn = {
  E06000018: { lon: -1.1695, lat: 52.9538 }, // Nottingham
  E07000170: { lon: -1.2521, lat: 53.0902 }, // Ashfield
  E07000171: { lon: -0.962, lat: 53.3494 }, // Bassetlaw
  E07000172: { lon: -1.2654, lat: 52.9742 }, // Broxtowe
  E07000173: { lon: -1.1069, lat: 53.0261 }, // Gedling
  E07000174: { lon: -1.1992, lat: 53.1753 }, // Mansfield
  E07000175: { lon: -0.9441, lat: 53.1085 }, // Newark and Sherwood
  E07000176: { lon: -1.011, lat: 52.9125 }, // Rushcliffe
} as const;
export type TestDistrict = keyof typeof pointIn;

/** Central London: in no Nottinghamshire district. */
export const outsideEveryDistrict = { lon: -0.1276, lat: 51.5072 } as const;

export interface PlaceOptions {
  districtCode?: TestDistrict;
  point?: { lon: number; lat: number };
  name?: string;
  category?: PlaceCategory;
  concernSince?: string;
  concernUntil?: string | null;
  reasons?: string[];
}

export async function createPlaceRecord(db: Database, options: PlaceOptions = {}) {
  const { lon, lat } = options.point ?? pointIn[options.districtCode ?? 'E07000174'];
  const [row] = await db.prisma.$queryRaw<Array<{ id: string; version: number; districtCode: string | null }>>`
    INSERT INTO place_of_concern (name, category, geom, concern_since, concern_until, reasons)
    VALUES (${options.name ?? `Place ${randomUUID().slice(0, 8)}`}, ${options.category ?? 'takeaway'}::place_category,
            ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326), ${options.concernSince ?? '2024-01-01'}::date,
            ${options.concernUntil ?? null}::date, ${options.reasons ?? ['seen with older males']}::text[])
    RETURNING id::text AS "id", version AS "version", district_code AS "districtCode"`;
  if (!row) throw new Error('createPlaceRecord: no row');
  return row;
}

export interface IntelligenceOptions {
  districtCode?: TestDistrict | null;
  category?: IntelligenceCategory;
  submittedAt?: string;
  body?: string;
  agencyId?: string;
}

export async function createIntelligenceRecord(db: Database, options: IntelligenceOptions = {}) {
  const agencyId = options.agencyId ?? (await createAgency(db)).id;
  const districtCode = options.districtCode === undefined ? 'E07000174' : options.districtCode;
  const point = districtCode === null ? null : pointIn[districtCode];
  const [row] = await db.prisma.$queryRaw<Array<{ id: string; reference: string }>>`
    INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category, body,
                                     submitted_at, geom, submitting_agency_id, status)
    VALUES (${`TEST-${randomUUID()}`}, '2', 'B', 'P', ${options.category ?? 'cse'}::intelligence_category,
            ${options.body ?? 'Seen getting into a grey car outside the chip shop'},
            ${options.submittedAt ?? new Date().toISOString()}::timestamptz,
            ST_SetSRID(ST_MakePoint(${point?.lon ?? null}::float8, ${point?.lat ?? null}::float8), 4326),
            ${agencyId}::uuid, 'developed')
    RETURNING id::text AS "id", reference AS "reference"`;
  if (!row) throw new Error('createIntelligenceRecord: no row');
  return row;
}

export async function createVehicleRecord(db: Database) {
  const registration = `T${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
  return db.prisma.vehicle.create({ data: { registration, colour: 'grey' }, select: { id: true, registration: true } });
}

export async function createMissingEpisodeRecord(
  db: Database,
  options: { personId: string; districtCode?: TestDistrict; reportedAt?: Date },
) {
  return db.prisma.missingEpisode.create({
    data: {
      episodeRef: `ME-${randomUUID()}`,
      personId: options.personId,
      careStatus: 'home',
      policeRisk: 'medium',
      reportedAt: options.reportedAt ?? new Date(),
      districtCode: options.districtCode ?? 'E07000174',
    },
    select: { id: true },
  });
}

export async function flagChild(db: Database, personId: string, risk: 'cse' | 'cce' = 'cse') {
  const flaggedAt = new Date('2024-03-01T00:00:00Z');
  await db.prisma.person.update({
    where: { id: personId },
    data:
      risk === 'cse' ? { cseRisk: 'medium', cseFlaggedAt: flaggedAt } : { cceRisk: 'high', cceFlaggedAt: flaggedAt },
    select: { id: true },
  });
}

type End = { type: 'person' | 'place' | 'vehicle' | 'intelligence_report' | 'missing_episode'; id: string };

export async function createLinkRecord(
  db: Database,
  from: End,
  to: End,
  source: { type: 'intelligence_report'; id: string },
) {
  return db.prisma.entityLink.create({
    data: {
      fromType: from.type,
      fromId: from.id,
      toType: to.type,
      toId: to.id,
      linkType: 'seen_at',
      sourceType: source.type,
      sourceId: source.id,
      firstSeen: new Date('2024-02-01T00:00:00Z'),
      lastSeen: new Date('2024-04-01T00:00:00Z'),
      reliability: 'probable',
    },
    select: { id: true },
  });
}
