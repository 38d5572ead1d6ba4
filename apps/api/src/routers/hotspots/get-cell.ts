import { hotspotCellDetailOutput, hotspotCellInput } from '@lantern/domain';
import { hotspotCellService } from '../../services/hotspots-service.ts';
import { procedure } from '../../trpc.ts';

export const cell = procedure
  .input(hotspotCellInput)
  .output(hotspotCellDetailOutput)
  .query(({ ctx, input }) => hotspotCellService(ctx, ctx.access, input));
