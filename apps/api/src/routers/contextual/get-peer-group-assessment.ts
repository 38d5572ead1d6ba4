import { getPeerGroupAssessment as getPeerGroupAssessmentUseCase } from '@lantern/app';
import { assessmentRefInput, peerGroupAssessment } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const getPeerGroupAssessment = procedure
  .input(assessmentRefInput)
  .output(peerGroupAssessment)
  .query(({ ctx, input }) => getPeerGroupAssessmentUseCase(ctx, ctx.access, input.id));
