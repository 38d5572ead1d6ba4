import { submitIntelligence } from '@lantern/app';
import { intelligenceReceipt, submitIntelligenceInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const submit = procedure
  .input(submitIntelligenceInput)
  .output(intelligenceReceipt)
  .mutation(({ ctx, input }) => submitIntelligence(ctx, ctx.access, input));
