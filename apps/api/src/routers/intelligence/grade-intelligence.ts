import { gradeIntelligence } from '@lantern/app';
import { gradeIntelligenceInput, intelligenceDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const grade = procedure
  .input(gradeIntelligenceInput)
  .output(intelligenceDetail)
  .mutation(({ ctx, input }) => gradeIntelligence(ctx, ctx.access, input));
