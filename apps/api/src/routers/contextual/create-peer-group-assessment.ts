import { createPeerGroupAssessment as createPeerGroupAssessmentUseCase } from '@lantern/app';
import { createPeerGroupAssessmentInput, peerGroupAssessment } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const createPeerGroupAssessment = procedure
  .input(createPeerGroupAssessmentInput)
  .output(peerGroupAssessment)
  .mutation(({ ctx, input }) => createPeerGroupAssessmentUseCase(ctx, ctx.access, input));
