import { countPeopleLinkedToPlace, getPlace as getPlaceInDb } from '@lantern/db';
import { type PlaceDetail, suppressSmallCount } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { notFound, toPlace } from './present-place.ts';

/**
 * One place of concern with a count of the people linked to it (small counts suppressed as the
 * role requires).
 */
export async function getPlace(app: AppContext, access: Access, id: string): Promise<PlaceDetail> {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getPlaceInDb(tx, id, access.scope);
    if (!row) throw notFound(id);
    const linkedPeople = await countPeopleLinkedToPlace(tx, id);
    return { ...toPlace(row), linkedPeople: access.personLevel ? linkedPeople : suppressSmallCount(linkedPeople) };
  });
}
