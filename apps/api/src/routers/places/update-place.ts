import { place, updatePlaceInput } from '@lantern/domain';
import { updatePlaceService } from '../../services/places-service.ts';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updatePlaceInput)
  .output(place)
  .mutation(({ ctx, input }) => updatePlaceService(ctx, ctx.access, input));
