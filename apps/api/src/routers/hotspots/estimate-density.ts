import { estimateDensity } from '@lantern/app';
import { densityInput, densityOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const density = procedure
  .input(densityInput)
  .output(densityOutput)
  .query(({ ctx, input }) => estimateDensity(ctx, ctx.access, input));
