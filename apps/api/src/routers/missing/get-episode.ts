import { getEpisodeInput, missingEpisodeDetail } from '@lantern/domain';
import { getEpisodeService } from '../../services/missing-episodes-service.ts';
import { procedure } from '../../trpc.ts';

export const getEpisode = procedure
  .input(getEpisodeInput)
  .output(missingEpisodeDetail)
  .query(({ ctx, input }) => getEpisodeService(ctx, ctx.access, input.id, input.reason));
