import { auditEventsForRecord, getPlace } from '@lantern/db';
import type { PlaceHistory } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from './present-place.ts';

/** Who created and changed a place, newest first (reads of a place are not audited: no person in it). */
export async function getPlaceHistory(app: AppContext, access: Access, id: string): Promise<PlaceHistory> {
  return app.db.prisma.$transaction(async (tx) => {
    if (!(await getPlace(tx, id, access.scope))) throw notFound(id);
    const events = await auditEventsForRecord(tx, id, 200);
    return {
      events: events.flatMap((event) => {
        // Any procedure that created or changed the place itself: the places form, an import, or
        // an analyst developing a report (regression: a place made that way had "no history").
        const ofThePlace = event.recordType === 'place';
        const change =
          ofThePlace && event.action === 'create'
            ? 'created'
            : ofThePlace && event.action === 'update'
              ? 'updated'
              : null;
        return change ? [{ at: event.at, change, by: event.displayName, reason: event.reason }] : [];
      }),
    };
  });
}
