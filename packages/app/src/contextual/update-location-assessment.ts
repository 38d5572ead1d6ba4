import {
  appendAudit,
  assessmentReviews,
  getLocationAssessment,
  insertAssessmentReview,
  updateLocationAssessment as updateLocationAssessmentRow,
} from '@lantern/db';
import { type LocationAssessment, londonDate, type UpdateLocationAssessmentInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { locationNotFound, locationSnapshot, toLocationAssessment } from './assessment-support.ts';

/** Changes (and, with `reviewed`, reviews) a location assessment read at `version`; stale is a CONFLICT. */
export async function updateLocationAssessment(
  app: AppContext,
  access: Access,
  input: UpdateLocationAssessmentInput,
): Promise<LocationAssessment> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const { id, version, reviewed, ...values } = input;
    const outcome = await updateLocationAssessmentRow(
      tx,
      id,
      version,
      values,
      reviewed ? londonDate() : null,
      access.scope,
    );
    if (outcome.status === 'not-found') throw locationNotFound(id);
    if (outcome.status === 'conflict') throw staleVersion(`location assessment ${id}`, version, outcome.currentVersion);
    const row = await getLocationAssessment(tx, id, access.scope);
    if (!row) throw locationNotFound(id);
    await insertAssessmentReview(tx, {
      type: 'location',
      assessmentId: id,
      version: row.version,
      snapshot: locationSnapshot(row),
      reviewed,
      recordedById: principal.id,
    });
    await appendAudit(
      tx,
      auditEvent(access, 'update', { type: 'location_assessment', ids: [id, row.placeId] }, { details: { reviewed } }),
    );
    return toLocationAssessment(row, await assessmentReviews(tx, 'location', id));
  });
}
