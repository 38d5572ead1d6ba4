import { getisOrdInput, getisOrdOutput } from '@lantern/domain';
import { getisOrdService } from '../../services/hotspots-service.ts';
import { procedure } from '../../trpc.ts';

export const compute = procedure
  .input(getisOrdInput)
  .output(getisOrdOutput)
  .query(({ ctx, input }) => getisOrdService(ctx, ctx.access, input));
