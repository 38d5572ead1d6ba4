import { districtAt, type PlaceRow, type Transaction } from '@lantern/db';
import { AppError, inScope, type Place } from '@lantern/domain';
import type { Access } from '../access/access.ts';

/** A place of concern as the API shows it. */
export function toPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    address: row.address,
    ward: row.ward,
    lon: row.lon,
    lat: row.lat,
    district: row.districtCode && row.districtName ? { code: row.districtCode, name: row.districtName } : null,
    concernSince: row.concernSince,
    concernUntil: row.concernUntil,
    reasons: row.reasons,
    version: row.version,
  };
}

export const notFound = (id: string) => new AppError('NOT_FOUND', `No place ${id} in your districts`);

/** Refuses a point outside every district, or in a district the caller does not cover. */
export async function assertPlaceableAt(tx: Transaction, access: Access, lon: number, lat: number, field: string) {
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
