import { listAssessments as listAssessmentRows } from '@lantern/db';
import { type ListAssessmentsInput, londonDate } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { toAssessmentSummary } from './assessment-support.ts';

/** Location and peer-group assessments of the caller's districts, soonest review first (no names). */
export async function listAssessments(app: AppContext, access: Access, input: ListAssessmentsInput) {
  const rows = await listAssessmentRows(
    app.db.prisma,
    {
      districtCodes: input.districtCode ? [input.districtCode] : undefined,
      type: input.type,
      asOf: londonDate(),
      dueOnly: false,
      limit: input.limit,
    },
    access.scope,
  );
  return { assessments: rows.map(toAssessmentSummary) };
}
