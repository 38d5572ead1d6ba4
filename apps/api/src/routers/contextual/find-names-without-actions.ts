import { findNamesWithoutActions } from '@lantern/app';
import { namesWithoutActionsInput, namesWithoutActionsOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const namesWithoutActions = procedure
  .input(namesWithoutActionsInput)
  .output(namesWithoutActionsOutput)
  .query(({ ctx, input }) => findNamesWithoutActions(ctx, ctx.access, input));
