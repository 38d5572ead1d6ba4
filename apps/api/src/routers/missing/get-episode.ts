import { getEpisode as getEpisodeUseCase } from '@lantern/app';
import { getEpisodeInput, missingEpisodeDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const getEpisode = procedure
  .input(getEpisodeInput)
  .output(missingEpisodeDetail)
  .query(({ ctx, input }) => getEpisodeUseCase(ctx, ctx.access, input.id, input.reason));
