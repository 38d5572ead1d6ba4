import { quarterlyFiguresInput, quarterlyFiguresOutput } from '@lantern/domain';
import { quarterlyFiguresService } from '../../services/missing-figures-service.ts';
import { procedure } from '../../trpc.ts';

export const quarterlyFigures = procedure
  .input(quarterlyFiguresInput)
  .output(quarterlyFiguresOutput)
  .query(({ ctx, input }) => quarterlyFiguresService(ctx, ctx.access, input));
