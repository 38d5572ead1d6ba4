import { densityInput, densityOutput } from '@lantern/domain';
import { densityService } from '../../services/hotspots-service.ts';
import { procedure } from '../../trpc.ts';

export const density = procedure
  .input(densityInput)
  .output(densityOutput)
  .query(({ ctx, input }) => densityService(ctx, ctx.access, input));
