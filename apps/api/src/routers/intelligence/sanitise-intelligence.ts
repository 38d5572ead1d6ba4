import { sanitiseIntelligence } from '@lantern/app';
import { intelligenceDetail, sanitiseIntelligenceInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const sanitise = procedure
  .input(sanitiseIntelligenceInput)
  .output(intelligenceDetail)
  .mutation(({ ctx, input }) => sanitiseIntelligence(ctx, ctx.access, input));
