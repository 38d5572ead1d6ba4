import { appendAudit, assessmentReviews, getLocationAssessment as getLocationAssessmentRow } from '@lantern/db';
import type { LocationAssessment } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { locationNotFound, toLocationAssessment } from './assessment-support.ts';

/** One location assessment of the caller's districts, with every version written. */
export async function getLocationAssessment(app: AppContext, access: Access, id: string): Promise<LocationAssessment> {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getLocationAssessmentRow(tx, id, access.scope);
    if (!row) throw locationNotFound(id);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'location_assessment', ids: [id, row.placeId] }));
    return toLocationAssessment(row, await assessmentReviews(tx, 'location', id));
  });
}
