import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Principal } from '@lantern/db';
import { addDays, type PersonKind, type Role, roles } from '@lantern/domain';
import { createAgency, createUser } from './factories.ts';

/**
 * The world the cross-cutting access tests act on: one user per role, all assigned district A,
 * and in each of districts A and B a flagged child, a flagged associate, a place of concern and an
 * intelligence report, with a link between A's child and associate citing A's report. Police
 * analysts see every district, so for them district B is in scope too; everyone else must be
 * kept out of it.
 */
export const districtA = 'E07000174'; // Mansfield
export const districtB = 'E07000170'; // Ashfield

export interface WorldPerson {
  id: string;
  kind: PersonKind;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  version: number;
}

export interface WorldDistrict {
  code: string;
  /** A point inside the district (WGS84), for records located by geometry. */
  point: { longitude: number; latitude: number };
  child: WorldPerson;
  associate: WorldPerson;
  placeId: string;
  intelligenceId: string;
}

export interface World {
  db: Database;
  users: Record<Role, Principal & { password: string }>;
  a: WorldDistrict;
  b: WorldDistrict;
  linkId: string;
  agencyId: string;
}

/** Names no fresh record uses, so finding one in an output means the person was shown in full. */
const identifying = {
  [districtA]: { child: ['Zephyrine', 'Quillfeather'], associate: ['Barnaby', 'Thistlewood'] },
  [districtB]: { child: ['Marigold', 'Oakenshaw'], associate: ['Ptolemy', 'Wyndham'] },
} as const;

export async function pointInside(db: Database, districtCode: string) {
  const [row] = await db.sql.query<{ longitude: number; latitude: number }>(
    `SELECT ST_X(p) AS longitude, ST_Y(p) AS latitude
     FROM (SELECT ST_PointOnSurface(geom) AS p FROM district WHERE code = $1) s`,
    [districtCode],
  );
  if (!row) throw new Error(`district ${districtCode} is not loaded`);
  return { longitude: Number(row.longitude), latitude: Number(row.latitude) };
}

/** A random name of consonants and vowels in turn, e.g. "Kotavu" (not a real person's). */
function pronounceable(length: number): string {
  const consonants = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  const bytes = randomBytes(length);
  let name = '';
  for (let i = 0; i < length; i++) {
    const pool = i % 2 === 0 ? consonants : vowels;
    name += pool[(bytes[i] ?? 0) % pool.length];
  }
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A calendar date up to `days` days after `from`, at random. */
function randomDay(from: string, days: number): string {
  return addDays(from, randomBytes(4).readUInt32BE() % days);
}

export interface FreshPersonOptions {
  kind?: PersonKind;
  districtCode: string;
  flagged?: boolean;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
}

/** A new person with a unique name; flagged people have a high CSE risk. */
export async function createFreshPerson(db: Database, options: FreshPersonOptions): Promise<WorldPerson> {
  const kind = options.kind ?? 'child';
  // Names of random letters: unlike "Fresh Record1a2b…", two of them never sound alike, so the
  // many fresh people of the matrix do not crowd a duplicate list with pairs nobody planted.
  const givenName = options.givenName ?? pronounceable(6);
  const familyName = options.familyName ?? pronounceable(9);
  // A child stays under 18 on every meeting date the fixtures use (randomMeetingDate: 2027 onwards),
  // since an NSD agenda lists only children under 18 on the meeting day. Dates of birth differ, as
  // names do: duplicate detection pairs everyone born on one day, and the matrix makes hundreds of
  // fresh people (one shared date made people.duplicateList compare them all, half the file's time).
  const dateOfBirth =
    options.dateOfBirth ?? (kind === 'child' ? randomDay('2014-03-04', 1_000) : randomDay('1985-01-01', 5_000));
  const row = await db.prisma.person.create({
    data: {
      kind,
      pseudonymRef: `${kind === 'child' ? 'C' : 'A'}-${randomUUID().slice(0, 8).toUpperCase()}`,
      givenName,
      familyName,
      dateOfBirth: new Date(`${dateOfBirth}T00:00:00Z`),
      sex: 'F',
      careStatus: kind === 'child' ? 'county_care' : null,
      homeDistrictCode: options.districtCode,
      cseRisk: options.flagged ? 'high' : 'none',
      cseFlaggedAt: options.flagged ? new Date('2025-01-10T00:00:00Z') : null,
    },
    select: { id: true, version: true },
  });
  return { id: row.id, kind, givenName, familyName, dateOfBirth, version: row.version };
}

export async function createFreshPlace(db: Database, districtCode: string): Promise<string> {
  const point = await pointInside(db, districtCode);
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO place_of_concern (name, category, address, geom, concern_since, reasons)
     VALUES ($1, 'takeaway', 'High Street', ST_SetSRID(ST_MakePoint($2, $3), 4326), '2025-01-01', ARRAY['late-night gathering'])
     RETURNING id::text AS id`,
    [`Place ${randomUUID().slice(0, 8)}`, point.longitude, point.latitude],
  );
  if (!row) throw new Error('place insert returned nothing');
  return row.id;
}

export async function createFreshIntelligence(db: Database, districtCode: string, agencyId: string): Promise<string> {
  const point = await pointInside(db, districtCode);
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category,
       body, occurred_at, geom, submitting_agency_id, status)
     VALUES ($1, '2', 'B', 'P', 'cse', 'Older males seen collecting children outside the takeaway', '2025-02-01T20:00:00Z',
       ST_SetSRID(ST_MakePoint($2, $3), 4326), $4::uuid, 'developed')
     RETURNING id::text AS id`,
    [`INT-${randomUUID().slice(0, 8)}`, point.longitude, point.latitude, agencyId],
  );
  if (!row) throw new Error('intelligence insert returned nothing');
  return row.id;
}

export async function createFreshLink(
  db: Database,
  from: { type: string; id: string },
  to: { type: string; id: string },
  sourceIntelligenceId: string,
): Promise<string> {
  const [row] = await db.sql.query<{ id: string }>(
    `INSERT INTO entity_link (from_type, from_id, to_type, to_id, link_type, source_type, source_id, first_seen, last_seen, reliability)
     VALUES ($1::entity_type, $2::uuid, $3::entity_type, $4::uuid, 'associates_with', 'intelligence_report', $5::uuid,
       '2025-01-01', '2025-02-01', 'probable')
     RETURNING id::text AS id`,
    [from.type, from.id, to.type, to.id, sourceIntelligenceId],
  );
  if (!row) throw new Error('link insert returned nothing');
  return row.id;
}

async function buildDistrict(db: Database, code: typeof districtA | typeof districtB, agencyId: string) {
  const names = identifying[code];
  const child = await createFreshPerson(db, {
    kind: 'child',
    districtCode: code,
    flagged: true,
    givenName: names.child[0],
    familyName: names.child[1],
  });
  const associate = await createFreshPerson(db, {
    kind: 'associate',
    districtCode: code,
    flagged: true,
    givenName: names.associate[0],
    familyName: names.associate[1],
  });
  return {
    code,
    point: await pointInside(db, code),
    child,
    associate,
    placeId: await createFreshPlace(db, code),
    intelligenceId: await createFreshIntelligence(db, code, agencyId),
  } satisfies WorldDistrict;
}

export async function buildWorld(db: Database): Promise<World> {
  const users = {} as Record<Role, Principal & { password: string }>;
  for (const role of roles) users[role] = await createUser(db, { roles: [role], districtCodes: [districtA] });
  const agency = await createAgency(db);
  const a = await buildDistrict(db, districtA, agency.id);
  const b = await buildDistrict(db, districtB, agency.id);
  const linkId = await createFreshLink(
    db,
    { type: 'person', id: a.child.id },
    { type: 'person', id: a.associate.id },
    a.intelligenceId,
  );
  await createFreshLink(
    db,
    { type: 'person', id: b.child.id },
    { type: 'person', id: b.associate.id },
    b.intelligenceId,
  );
  return { db, users, a, b, linkId, agencyId: agency.id };
}

/** The names of a person as they would appear if shown in full. */
export function identifyingNames(person: WorldPerson): string[] {
  return [person.givenName, person.familyName];
}
