import { multipleMissingInput, multipleMissingOutput } from '@lantern/domain';
import { multipleMissingService } from '../../services/missing-figures-service.ts';
import { procedure } from '../../trpc.ts';

export const multipleMissing = procedure
  .input(multipleMissingInput)
  .output(multipleMissingOutput)
  .query(({ ctx, input }) => multipleMissingService(ctx, ctx.access, input));
