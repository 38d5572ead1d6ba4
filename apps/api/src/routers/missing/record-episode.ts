import { recordEpisode as recordEpisodeUseCase } from '@lantern/app';
import { missingEpisode, recordEpisodeInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const recordEpisode = procedure
  .input(recordEpisodeInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => recordEpisodeUseCase(ctx, ctx.access, input));
