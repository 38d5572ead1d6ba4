import { repeatLocationsInput, repeatLocationsOutput } from '@lantern/domain';
import { repeatLocationsService } from '../../services/hotspots-service.ts';
import { procedure } from '../../trpc.ts';

export const repeatLocations = procedure
  .input(repeatLocationsInput)
  .output(repeatLocationsOutput)
  .query(({ ctx, input }) => repeatLocationsService(ctx, ctx.access, input));
