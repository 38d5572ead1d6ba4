import { computeHotspots } from '@lantern/app';
import { getisOrdInput, getisOrdOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const compute = procedure
  .input(getisOrdInput)
  .output(getisOrdOutput)
  .query(({ ctx, input }) => computeHotspots(ctx, ctx.access, input));
