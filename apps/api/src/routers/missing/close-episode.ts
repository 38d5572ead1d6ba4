import { closeEpisode as closeEpisodeUseCase } from '@lantern/app';
import { closeEpisodeInput, missingEpisode } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const closeEpisode = procedure
  .input(closeEpisodeInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => closeEpisodeUseCase(ctx, ctx.access, input));
