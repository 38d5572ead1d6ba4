import { listEpisodes as listEpisodesUseCase } from '@lantern/app';
import { listEpisodesInput, listEpisodesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const listEpisodes = procedure
  .input(listEpisodesInput)
  .output(listEpisodesOutput)
  .query(({ ctx, input }) => listEpisodesUseCase(ctx, ctx.access, input));
