import { mapPlaces } from '@lantern/db';
import type { MapPlace } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

/** Every place of concern in the caller's districts, compactly, for the map's places layer. */
export async function listMapPlaces(app: AppContext, access: Access): Promise<{ places: MapPlace[] }> {
  return { places: await mapPlaces(app.db.prisma, access.scope) };
}
