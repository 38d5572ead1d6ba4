import { listEpisodesInput, listEpisodesOutput } from '@lantern/domain';
import { listEpisodesService } from '../../services/missing-episodes-service.ts';
import { procedure } from '../../trpc.ts';

export const listEpisodes = procedure
  .input(listEpisodesInput)
  .output(listEpisodesOutput)
  .query(({ ctx, input }) => listEpisodesService(ctx, ctx.access, input));
