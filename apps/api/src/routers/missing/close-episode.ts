import { closeEpisodeInput, missingEpisode } from '@lantern/domain';
import { closeEpisodeService } from '../../services/missing-episodes-service.ts';
import { procedure } from '../../trpc.ts';

export const closeEpisode = procedure
  .input(closeEpisodeInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => closeEpisodeService(ctx, ctx.access, input));
