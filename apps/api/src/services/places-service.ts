import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  auditEventsForRecord,
  countPeopleLinkedToPlace,
  createPlace,
  districtAt,
  getPlace,
  listPlaces,
  type PlaceRow,
  type PrismaTx,
  updatePlace,
} from '@lantern/db';
import {
  AppError,
  type CreatePlaceInput,
  inScope,
  type ListPlacesInput,
  type Place,
  type PlaceDetail,
  type PlaceHistory,
  suppressSmallCount,
  type UpdatePlaceInput,
} from '@lantern/domain';
import type { Context } from '../context.ts';

/** Places of concern: scoped in SQL by the district the point falls in; changes audited. */
function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    district: row.districtCode && row.districtName ? { code: row.districtCode, name: row.districtName } : null,
    concernSince: row.concernSince,
    concernUntil: row.concernUntil,
    reasons: row.reasons,
    version: row.version,
  };
}

const notFound = (id: string) => new AppError('NOT_FOUND', `No place ${id} in your districts`);

export async function listPlacesService(ctx: Context, access: Access, input: ListPlacesInput) {
  const rows = await listPlaces(ctx.db.prisma, input, access.scope);
  return { places: rows.map(toPlace) };
}

export async function getPlaceService(ctx: Context, access: Access, id: string): Promise<PlaceDetail> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await getPlace(tx, id, access.scope);
    if (!row) throw notFound(id);
    const linkedPeople = await countPeopleLinkedToPlace(tx, id);
    return { ...toPlace(row), linkedPeople: access.personLevel ? linkedPeople : suppressSmallCount(linkedPeople) };
  });
}

/** Refuses a point outside every district, or in a district the caller does not cover. */
async function assertPlaceableAt(tx: PrismaTx, access: Access, lon: number, lat: number, field: string) {
  const district = await districtAt(tx, lon, lat);
  if (!district) {
    throw new AppError('BAD_INPUT', `${field}: ${lon}, ${lat} is outside every district Lantern covers`);
  }
  if (!inScope(access.scope, district.code)) {
    throw new AppError(
      'FORBIDDEN',
      `${field}: ${lon}, ${lat} is in ${district.name} (${district.code}), outside your districts`,
    );
  }
}

export async function createPlaceService(ctx: Context, access: Access, input: CreatePlaceInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    await assertPlaceableAt(tx, access, input.lon, input.lat, 'lon/lat');
    const row = await createPlace(tx, input);
    await appendAudit(tx, auditEvent(access, 'create', { type: 'place', ids: [row.id] }));
    return toPlace(row);
  });
}

export async function updatePlaceService(ctx: Context, access: Access, input: UpdatePlaceInput) {
  const { id, changes } = input;
  return ctx.db.prisma.$transaction(async (tx) => {
    const current = await getPlace(tx, id, access.scope);
    if (!current) throw notFound(id);
    if (changes.lon !== undefined && changes.lat !== undefined) {
      await assertPlaceableAt(tx, access, changes.lon, changes.lat, 'changes.lon/lat');
    }
    // The schema checks the period when both ends change; here one end may be the stored one.
    const since = changes.concernSince ?? current.concernSince;
    const until = changes.concernUntil === undefined ? current.concernUntil : changes.concernUntil;
    if (until !== null && until < since) {
      throw new AppError(
        'BAD_INPUT',
        changes.concernUntil === undefined
          ? `changes.concernSince: must be on or before concernUntil (${until})`
          : `changes.concernUntil: must be on or after concernSince (${since})`,
      );
    }
    const outcome = await updatePlace(tx, input, access.scope);
    if (outcome.status === 'not-found') throw notFound(id);
    if (outcome.status === 'conflict') {
      throw new AppError(
        'CONFLICT',
        `version: place ${id} was changed by someone else since you read version ${input.version} (it is now version ${outcome.currentVersion}); reload it and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(access, 'update', { type: 'place', ids: [id] }, { details: { fields: Object.keys(changes).sort() } }),
    );
    return toPlace(outcome.place);
  });
}

/** Who created and changed a place, newest first (reads of a place are not audited: no person in it). */
export async function placeHistoryService(ctx: Context, access: Access, id: string): Promise<PlaceHistory> {
  return ctx.db.prisma.$transaction(async (tx) => {
    if (!(await getPlace(tx, id, access.scope))) throw notFound(id);
    const events = await auditEventsForRecord(tx, id, 200);
    return {
      events: events.flatMap((event) => {
        const change =
          event.procedure === 'places.create' ? 'created' : event.procedure === 'places.update' ? 'updated' : null;
        return change ? [{ at: event.at, change, by: event.displayName, reason: event.reason }] : [];
      }),
    };
  });
}
