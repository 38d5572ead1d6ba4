import { recordInterviewInput, recordInterviewOutput } from '@lantern/domain';
import { recordInterviewService } from '../../services/missing-interviews-service.ts';
import { procedure } from '../../trpc.ts';

export const recordInterview = procedure
  .input(recordInterviewInput)
  .output(recordInterviewOutput)
  .mutation(({ ctx, input }) => recordInterviewService(ctx, ctx.access, input));
