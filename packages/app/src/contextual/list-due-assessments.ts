import { listAssessments as listAssessmentRows } from '@lantern/db';
import { type ListDueAssessmentsInput, londonDate } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { toAssessmentSummary } from './assessment-support.ts';

/** The assessments due for review on `asOf` (default today): review date reached, or never reviewed. */
export async function listDueAssessments(app: AppContext, access: Access, input: ListDueAssessmentsInput) {
  const rows = await listAssessmentRows(
    app.db.prisma,
    {
      districtCodes: input.districtCode ? [input.districtCode] : undefined,
      asOf: input.asOf ?? londonDate(),
      dueOnly: true,
      limit: input.limit,
    },
    access.scope,
  );
  return { assessments: rows.map(toAssessmentSummary) };
}
