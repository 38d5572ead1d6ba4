import type { CreatePlaceInput, ListPlacesInput, PlaceCategory, UpdatePlaceInput } from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Places of concern. The district is never typed in: the database trigger finds it from the
 * point (`lantern_district_for_point`), and `districtAt` asks the same function beforehand so the
 * API can refuse a place outside the caller's districts before anything is written.
 */
export interface PlaceRow {
  id: string;
  name: string;
  category: PlaceCategory;
  address: string | null;
  /** The name of the ward the point lies in (ST_Contains), to tell places of one name apart. */
  ward: string | null;
  lon: number;
  lat: number;
  districtCode: string | null;
  districtName: string | null;
  concernSince: string;
  concernUntil: string | null;
  reasons: string[];
  version: number;
}

const placeColumns = Prisma.sql`
  pc.id::text AS "id", pc.name AS "name", pc.category::text AS "category", pc.address AS "address",
  (SELECT w.name FROM ward w WHERE ST_Contains(w.geom, pc.geom) ORDER BY w.code LIMIT 1) AS "ward",
  ST_X(pc.geom)::float8 AS "lon", ST_Y(pc.geom)::float8 AS "lat", pc.district_code AS "districtCode",
  d.name AS "districtName", to_char(pc.concern_since, 'YYYY-MM-DD') AS "concernSince",
  to_char(pc.concern_until, 'YYYY-MM-DD') AS "concernUntil", pc.reasons AS "reasons", pc.version AS "version"`;

const placeFrom = Prisma.sql`place_of_concern pc LEFT JOIN district d ON d.code = pc.district_code`;

const scopeFilter = (scope: DistrictScope) => districtScopeSql(Prisma.sql`pc.district_code`, scope);

function point(lon: number, lat: number) {
  return Prisma.sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
}

export async function listPlaces(prisma: PrismaTx, query: ListPlacesInput, scope: DistrictScope): Promise<PlaceRow[]> {
  const conditions = [scopeFilter(scope)];
  if (query.name) {
    conditions.push(Prisma.sql`(word_similarity(${query.name}, pc.name) > 0.4
      OR word_similarity(${query.name}, coalesce(pc.address, '')) > 0.4)`);
  }
  if (query.districtCode) conditions.push(Prisma.sql`pc.district_code = ${query.districtCode}`);
  if (query.category) conditions.push(Prisma.sql`pc.category = ${query.category}::place_category`);
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    conditions.push(
      Prisma.sql`pc.geom && ST_MakeEnvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`,
    );
  }
  if (query.activeOn) {
    conditions.push(Prisma.sql`pc.concern_since <= ${query.activeOn}::date
      AND (pc.concern_until IS NULL OR pc.concern_until >= ${query.activeOn}::date)`);
  }
  return prisma.$queryRaw<PlaceRow[]>`
    SELECT ${placeColumns} FROM ${placeFrom}
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${query.name ? Prisma.sql`word_similarity(${query.name}, pc.name) DESC,` : Prisma.empty} pc.name, pc.id
    LIMIT ${query.limit}`;
}

export async function getPlace(prisma: PrismaTx, id: string, scope: DistrictScope): Promise<PlaceRow | null> {
  const [row] = await prisma.$queryRaw<PlaceRow[]>`
    SELECT ${placeColumns} FROM ${placeFrom} WHERE pc.id = ${id}::uuid AND ${scopeFilter(scope)}`;
  return row ?? null;
}

/** How many distinct people are linked to a place, whichever end of the link the place is. */
export async function countPeopleLinkedToPlace(prisma: PrismaTx, id: string): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    SELECT count(DISTINCT CASE WHEN l.from_type = 'place' THEN l.to_id ELSE l.from_id END)::int AS "count"
    FROM entity_link l
    WHERE (l.from_type = 'place' AND l.from_id = ${id}::uuid AND l.to_type = 'person')
       OR (l.to_type = 'place' AND l.to_id = ${id}::uuid AND l.from_type = 'person')`;
  return row?.count ?? 0;
}

/** The district a point falls in, by the same rule as the trigger; null outside every district. */
export async function districtAt(
  prisma: PrismaTx,
  lon: number,
  lat: number,
): Promise<{ code: string; name: string } | null> {
  const [row] = await prisma.$queryRaw<Array<{ code: string; name: string }>>`
    SELECT d.code AS "code", d.name AS "name" FROM district d
    WHERE d.code = lantern_district_for_point(${point(lon, lat)})`;
  return row ?? null;
}

export async function createPlace(tx: PrismaTx, input: CreatePlaceInput): Promise<PlaceRow> {
  const [created] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO place_of_concern (name, category, address, geom, concern_since, concern_until, reasons)
    VALUES (${input.name}, ${input.category}::place_category, ${input.address}, ${point(input.lon, input.lat)},
            ${input.concernSince}::date, ${input.concernUntil}::date, ${input.reasons}::text[])
    RETURNING id::text AS "id"`;
  const row = created ? await getPlace(tx, created.id, 'all') : null;
  if (!row) throw new Error('a place of concern vanished after insert');
  return row;
}

export type PlaceUpdateOutcome =
  | { status: 'updated'; place: PlaceRow }
  | { status: 'not-found' }
  | { status: 'conflict'; currentVersion: number };

/**
 * Optimistic concurrency, as for people: the update applies only if the row still has the
 * version the editor read. Moving the point makes the trigger find the district again.
 */
export async function updatePlace(
  tx: PrismaTx,
  { id, version, changes }: UpdatePlaceInput,
  scope: DistrictScope,
): Promise<PlaceUpdateOutcome> {
  const current = await getPlace(tx, id, scope);
  if (!current) return { status: 'not-found' };
  const assignments: Prisma.Sql[] = [];
  if (changes.name !== undefined) assignments.push(Prisma.sql`name = ${changes.name}`);
  if (changes.category !== undefined) assignments.push(Prisma.sql`category = ${changes.category}::place_category`);
  if (changes.address !== undefined) assignments.push(Prisma.sql`address = ${changes.address}`);
  if (changes.lon !== undefined && changes.lat !== undefined) {
    assignments.push(Prisma.sql`geom = ${point(changes.lon, changes.lat)}`);
  }
  if (changes.concernSince !== undefined) assignments.push(Prisma.sql`concern_since = ${changes.concernSince}::date`);
  if (changes.concernUntil !== undefined) assignments.push(Prisma.sql`concern_until = ${changes.concernUntil}::date`);
  if (changes.reasons !== undefined) assignments.push(Prisma.sql`reasons = ${changes.reasons}::text[]`);
  assignments.push(Prisma.sql`version = version + 1`, Prisma.sql`updated_at = now()`);
  const count = await tx.$executeRaw`
    UPDATE place_of_concern SET ${Prisma.join(assignments, ', ')}
    WHERE id = ${id}::uuid AND version = ${version}`;
  if (count === 0) return { status: 'conflict', currentVersion: current.version };
  const place = await getPlace(tx, id, 'all');
  if (!place) return { status: 'not-found' };
  return { status: 'updated', place };
}

export interface MapPlaceRow {
  id: string;
  name: string;
  category: PlaceCategory;
  lon: number;
  lat: number;
  districtCode: string | null;
  concernSince: string;
  concernUntil: string | null;
}

/** Every place in scope, compactly, for the map (hundreds to a few thousand: one small document). */
export async function mapPlaces(prisma: PrismaTx, scope: DistrictScope): Promise<MapPlaceRow[]> {
  return prisma.$queryRaw<MapPlaceRow[]>`
    SELECT pc.id::text AS "id", pc.name AS "name", pc.category::text AS "category",
      round(ST_X(pc.geom)::numeric, 6)::float8 AS "lon", round(ST_Y(pc.geom)::numeric, 6)::float8 AS "lat",
      pc.district_code AS "districtCode", to_char(pc.concern_since, 'YYYY-MM-DD') AS "concernSince",
      to_char(pc.concern_until, 'YYYY-MM-DD') AS "concernUntil"
    FROM place_of_concern pc WHERE ${scopeFilter(scope)}
    ORDER BY pc.id`;
}
