import { getPlace } from '@lantern/app';
import { getPlaceInput, placeDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getPlaceInput)
  .output(placeDetail)
  .query(({ ctx, input }) => getPlace(ctx, ctx.access, input.id));
