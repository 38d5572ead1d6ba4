import { importEpisodes as importEpisodesUseCase } from '@lantern/app';
import { importEpisodesInput, importEpisodesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const importEpisodes = procedure
  .input(importEpisodesInput)
  .output(importEpisodesOutput)
  .mutation(({ ctx, input }) => importEpisodesUseCase(ctx, ctx.access, input));
