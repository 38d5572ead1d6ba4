import { recordInterview as recordInterviewUseCase } from '@lantern/app';
import { recordInterviewInput, recordInterviewOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const recordInterview = procedure
  .input(recordInterviewInput)
  .output(recordInterviewOutput)
  .mutation(({ ctx, input }) => recordInterviewUseCase(ctx, ctx.access, input));
