import { missingEpisode, regradeRiskInput } from '@lantern/domain';
import { regradeRiskService } from '../../services/missing-episodes-service.ts';
import { procedure } from '../../trpc.ts';

export const regradeRisk = procedure
  .input(regradeRiskInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => regradeRiskService(ctx, ctx.access, input));
