import { listIntelligenceInput, listIntelligenceOutput } from '@lantern/domain';
import { listIntelligenceService } from '../../services/intelligence-service.ts';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listIntelligenceInput)
  .output(listIntelligenceOutput)
  .query(({ ctx, input }) => listIntelligenceService(ctx, ctx.access, input));
