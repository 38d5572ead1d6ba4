import { createPlaceInput, place } from '@lantern/domain';
import { createPlaceService } from '../../services/places-service.ts';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createPlaceInput)
  .output(place)
  .mutation(({ ctx, input }) => createPlaceService(ctx, ctx.access, input));
