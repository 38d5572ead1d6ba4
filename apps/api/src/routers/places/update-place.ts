import { updatePlace } from '@lantern/app';
import { place, updatePlaceInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const update = procedure
  .input(updatePlaceInput)
  .output(place)
  .mutation(({ ctx, input }) => updatePlace(ctx, ctx.access, input));
