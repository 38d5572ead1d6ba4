import { getIntelligence } from '@lantern/app';
import { getIntelligenceInput, intelligenceDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getIntelligenceInput)
  .output(intelligenceDetail)
  .query(({ ctx, input }) => getIntelligence(ctx, ctx.access, input));
