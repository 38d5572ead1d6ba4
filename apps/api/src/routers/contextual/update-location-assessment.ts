import { updateLocationAssessment as updateLocationAssessmentUseCase } from '@lantern/app';
import { locationAssessment, updateLocationAssessmentInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const updateLocationAssessment = procedure
  .input(updateLocationAssessmentInput)
  .output(locationAssessment)
  .mutation(({ ctx, input }) => updateLocationAssessmentUseCase(ctx, ctx.access, input));
