import { listPlacesInput, listPlacesOutput } from '@lantern/domain';
import { listPlacesService } from '../../services/places-service.ts';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listPlacesInput)
  .output(listPlacesOutput)
  .query(({ ctx, input }) => listPlacesService(ctx, ctx.access, input));
