import { disruptionInForceOnPlaces } from '@lantern/db';
import { type DisruptionForMapInput, londonDate } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';

/** Actions in force on places, with their points, for the map. */
export async function listDisruptionForMap(app: AppContext, access: Access, input: DisruptionForMapInput) {
  return { actions: await disruptionInForceOnPlaces(app.db.prisma, input, access.scope, londonDate()) };
}
