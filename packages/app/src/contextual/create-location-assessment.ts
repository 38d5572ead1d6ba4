import {
  appendAudit,
  assessmentReviews,
  getLocationAssessment,
  insertAssessmentReview,
  insertLocationAssessment,
} from '@lantern/db';
import type { CreateLocationAssessmentInput, LocationAssessment } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { locationNotFound, locationSnapshot, placeInScope, toLocationAssessment } from './assessment-support.ts';

/** Assesses a place of concern in the caller's districts; the first version is kept in the history. */
export async function createLocationAssessment(
  app: AppContext,
  access: Access,
  input: CreateLocationAssessmentInput,
): Promise<LocationAssessment> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const place = await placeInScope(tx, access, input.placeId);
    const { placeId, ...values } = input;
    const id = await insertLocationAssessment(tx, {
      ...values,
      placeId,
      districtCode: place.districtCode as string,
      createdById: principal.id,
    });
    const row = await getLocationAssessment(tx, id, 'all');
    if (!row) throw locationNotFound(id);
    await insertAssessmentReview(tx, {
      type: 'location',
      assessmentId: id,
      version: row.version,
      snapshot: locationSnapshot(row),
      reviewed: false,
      recordedById: principal.id,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'location_assessment', ids: [id, place.id] }));
    return toLocationAssessment(row, await assessmentReviews(tx, 'location', id));
  });
}
