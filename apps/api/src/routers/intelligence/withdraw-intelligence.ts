import { withdrawIntelligence } from '@lantern/app';
import { mySubmission, withdrawIntelligenceInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const withdraw = procedure
  .input(withdrawIntelligenceInput)
  .output(mySubmission)
  .mutation(({ ctx, input }) => withdrawIntelligence(ctx, ctx.access, input));
