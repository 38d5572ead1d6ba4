import { listDueAssessments } from '@lantern/app';
import { assessmentList, listDueAssessmentsInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const listDue = procedure
  .input(listDueAssessmentsInput)
  .output(assessmentList)
  .query(({ ctx, input }) => listDueAssessments(ctx, ctx.access, input));
