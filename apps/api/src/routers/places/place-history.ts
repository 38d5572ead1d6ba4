import { placeHistoryInput, placeHistoryOutput } from '@lantern/domain';
import { placeHistoryService } from '../../services/places-service.ts';
import { procedure } from '../../trpc.ts';

export const history = procedure
  .input(placeHistoryInput)
  .output(placeHistoryOutput)
  .query(({ ctx, input }) => placeHistoryService(ctx, ctx.access, input.id));
