import { listMultipleMissing } from '@lantern/app';
import { multipleMissingInput, multipleMissingOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const multipleMissing = procedure
  .input(multipleMissingInput)
  .output(multipleMissingOutput)
  .query(({ ctx, input }) => listMultipleMissing(ctx, ctx.access, input));
