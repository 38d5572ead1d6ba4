import { missingEpisode, recordEpisodeInput } from '@lantern/domain';
import { recordEpisodeService } from '../../services/missing-episodes-service.ts';
import { procedure } from '../../trpc.ts';

export const recordEpisode = procedure
  .input(recordEpisodeInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => recordEpisodeService(ctx, ctx.access, input));
