import { interviewsDueInput, interviewsDueOutput } from '@lantern/domain';
import { interviewsDueService } from '../../services/missing-interviews-service.ts';
import { procedure } from '../../trpc.ts';

export const interviewsDue = procedure
  .input(interviewsDueInput)
  .output(interviewsDueOutput)
  .query(({ ctx, input }) => interviewsDueService(ctx, ctx.access, input));
