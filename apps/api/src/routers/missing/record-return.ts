import { recordReturn as recordReturnUseCase } from '@lantern/app';
import { missingEpisode, recordReturnInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const recordReturn = procedure
  .input(recordReturnInput)
  .output(missingEpisode)
  .mutation(({ ctx, input }) => recordReturnUseCase(ctx, ctx.access, input));
