import { intelligenceReceipt, submitIntelligenceInput } from '@lantern/domain';
import { submitIntelligenceService } from '../../services/intelligence-service.ts';
import { procedure } from '../../trpc.ts';

export const submit = procedure
  .input(submitIntelligenceInput)
  .output(intelligenceReceipt)
  .mutation(({ ctx, input }) => submitIntelligenceService(ctx, ctx.access, input));
