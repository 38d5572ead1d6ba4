import { getHotspotCell } from '@lantern/app';
import { hotspotCellDetailOutput, hotspotCellInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const cell = procedure
  .input(hotspotCellInput)
  .output(hotspotCellDetailOutput)
  .query(({ ctx, input }) => getHotspotCell(ctx, ctx.access, input));
