import { listPlaces } from '@lantern/app';
import { listPlacesInput, listPlacesOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listPlacesInput)
  .output(listPlacesOutput)
  .query(({ ctx, input }) => listPlaces(ctx, ctx.access, input));
