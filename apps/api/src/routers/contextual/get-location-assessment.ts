import { getLocationAssessment as getLocationAssessmentUseCase } from '@lantern/app';
import { assessmentRefInput, locationAssessment } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const getLocationAssessment = procedure
  .input(assessmentRefInput)
  .output(locationAssessment)
  .query(({ ctx, input }) => getLocationAssessmentUseCase(ctx, ctx.access, input.id));
