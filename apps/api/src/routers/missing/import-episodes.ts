import { importEpisodesInput, importEpisodesOutput } from '@lantern/domain';
import { importEpisodesService } from '../../services/missing-import-service.ts';
import { procedure } from '../../trpc.ts';

export const importEpisodes = procedure
  .input(importEpisodesInput)
  .output(importEpisodesOutput)
  .mutation(({ ctx, input }) => importEpisodesService(ctx, ctx.access, input));
