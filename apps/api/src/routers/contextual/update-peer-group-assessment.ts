import { updatePeerGroupAssessment as updatePeerGroupAssessmentUseCase } from '@lantern/app';
import { peerGroupAssessment, updatePeerGroupAssessmentInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const updatePeerGroupAssessment = procedure
  .input(updatePeerGroupAssessmentInput)
  .output(peerGroupAssessment)
  .mutation(({ ctx, input }) => updatePeerGroupAssessmentUseCase(ctx, ctx.access, input));
