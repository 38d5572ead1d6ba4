import { getPlaceHistory } from '@lantern/app';
import { placeHistoryInput, placeHistoryOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const history = procedure
  .input(placeHistoryInput)
  .output(placeHistoryOutput)
  .query(({ ctx, input }) => getPlaceHistory(ctx, ctx.access, input.id));
