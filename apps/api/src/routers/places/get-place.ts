import { getPlaceInput, placeDetail } from '@lantern/domain';
import { getPlaceService } from '../../services/places-service.ts';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getPlaceInput)
  .output(placeDetail)
  .query(({ ctx, input }) => getPlaceService(ctx, ctx.access, input.id));
