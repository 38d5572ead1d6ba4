import { listProfileFigureRecords } from '@lantern/app';
import { figureRecordsInput, figureRecordsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const figureRecords = procedure
  .input(figureRecordsInput)
  .output(figureRecordsOutput)
  .query(({ ctx, input }) => listProfileFigureRecords(ctx, ctx.access, input));
