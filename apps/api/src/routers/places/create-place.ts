import { createPlace } from '@lantern/app';
import { createPlaceInput, place } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createPlaceInput)
  .output(place)
  .mutation(({ ctx, input }) => createPlace(ctx, ctx.access, input));
