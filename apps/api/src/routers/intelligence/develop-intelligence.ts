import { developIntelligence } from '@lantern/app';
import { developIntelligenceInput, intelligenceDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const develop = procedure
  .input(developIntelligenceInput)
  .output(intelligenceDetail)
  .mutation(({ ctx, input }) => developIntelligence(ctx, ctx.access, input));
