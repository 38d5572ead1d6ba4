import { appendAudit, createPlace as createPlaceInDb } from '@lantern/db';
import type { CreatePlaceInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { assertPlaceableAt, toPlace } from './present-place.ts';

/** Records a place of concern at a point inside the caller's districts. */
export async function createPlace(app: AppContext, access: Access, input: CreatePlaceInput) {
  return app.db.prisma.$transaction(async (tx) => {
    await assertPlaceableAt(tx, access, input.lon, input.lat, 'lon/lat');
    const row = await createPlaceInDb(tx, input);
    await appendAudit(tx, auditEvent(access, 'create', { type: 'place', ids: [row.id] }));
    return toPlace(row);
  });
}
