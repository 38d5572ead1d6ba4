import { regradeRisk as regradeRiskUseCase } from '@lantern/app';
import { missingEpisode, regradeRiskInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const regradeRisk = procedure
  .input(regradeRiskInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => regradeRiskUseCase(ctx, ctx.access, input));
