import { listAssessments } from '@lantern/app';
import { assessmentList, listAssessmentsInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listAssessmentsInput)
  .output(assessmentList)
  .query(({ ctx, input }) => listAssessments(ctx, ctx.access, input));
