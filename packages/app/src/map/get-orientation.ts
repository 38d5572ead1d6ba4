import { wardLabelPoints } from '@lantern/db';
import { type OrientationOutput, towns } from '@lantern/domain';
import type { AppContext } from '../context.ts';

/** Town and ward names for the offline map, the larger towns first so they win where labels collide. */
export async function getOrientation(app: AppContext): Promise<OrientationOutput> {
  const wards = await wardLabelPoints(app.db.prisma);
  return {
    towns: [...towns]
      .sort((left, right) => right.weight - left.weight)
      .map((town) => ({ name: town.name, lon: town.centre.lon, lat: town.centre.lat, size: town.weight })),
    wards,
  };
}
