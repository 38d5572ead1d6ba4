import { closeIntelligence } from '@lantern/app';
import { closeIntelligenceInput, intelligenceDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const close = procedure
  .input(closeIntelligenceInput)
  .output(intelligenceDetail)
  .mutation(({ ctx, input }) => closeIntelligence(ctx, ctx.access, input));
