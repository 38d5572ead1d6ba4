import { createLocationAssessment as createLocationAssessmentUseCase } from '@lantern/app';
import { createLocationAssessmentInput, locationAssessment } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const createLocationAssessment = procedure
  .input(createLocationAssessmentInput)
  .output(locationAssessment)
  .mutation(({ ctx, input }) => createLocationAssessmentUseCase(ctx, ctx.access, input));
