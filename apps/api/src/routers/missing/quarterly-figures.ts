import { computeQuarterlyFigures } from '@lantern/app';
import { quarterlyFiguresInput, quarterlyFiguresOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const quarterlyFigures = procedure
  .input(quarterlyFiguresInput)
  .output(quarterlyFiguresOutput)
  .query(({ ctx, input }) => computeQuarterlyFigures(ctx, ctx.access, input));
