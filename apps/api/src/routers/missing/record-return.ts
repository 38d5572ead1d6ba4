import { missingEpisode, recordReturnInput } from '@lantern/domain';
import { recordReturnService } from '../../services/missing-episodes-service.ts';
import { procedure } from '../../trpc.ts';

export const recordReturn = procedure
  .input(recordReturnInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => recordReturnService(ctx, ctx.access, input));
