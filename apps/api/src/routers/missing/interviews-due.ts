import { listInterviewsDue } from '@lantern/app';
import { interviewsDueInput, interviewsDueOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const interviewsDue = procedure
  .input(interviewsDueInput)
  .output(interviewsDueOutput)
  .query(({ ctx, input }) => listInterviewsDue(ctx, ctx.access, input));
