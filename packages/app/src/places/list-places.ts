import { listPlaces as listPlacesInDb } from '@lantern/db';
import type { ListPlacesInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { toPlace } from './present-place.ts';

/** Places of concern in the caller's districts. */
export async function listPlaces(app: AppContext, access: Access, input: ListPlacesInput) {
  const rows = await listPlacesInDb(app.db.prisma, input, access.scope);
  return { places: rows.map(toPlace) };
}
