import { listIntelligence } from '@lantern/app';
import { listIntelligenceInput, listIntelligenceOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listIntelligenceInput)
  .output(listIntelligenceOutput)
  .query(({ ctx, input }) => listIntelligence(ctx, ctx.access, input));
