import { appendAudit, getPlace, updatePlace as updatePlaceInDb } from '@lantern/db';
import { AppError, type UpdatePlaceInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import { staleVersionWithLastChange } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { assertPlaceableAt, notFound, toPlace } from './present-place.ts';

/** Changes a place of concern; a stale version is a CONFLICT. */
export async function updatePlace(app: AppContext, access: Access, input: UpdatePlaceInput) {
  const { id, changes } = input;
  return app.db.prisma.$transaction(async (tx) => {
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
    const outcome = await updatePlaceInDb(tx, input, access.scope);
    if (outcome.status === 'not-found') throw notFound(id);
    if (outcome.status === 'conflict') {
      throw await staleVersionWithLastChange(tx, id, `place ${id}`, input.version, outcome.currentVersion);
    }
    await appendAudit(tx, updateEvent(access, { type: 'place', id: id }, changes));
    return toPlace(outcome.place);
  });
}
