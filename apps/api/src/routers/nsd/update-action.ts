import { updateAction as updateActionUseCase } from '@lantern/app';
import { nsdActionItem, updateActionInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const updateAction = procedure
  .input(updateActionInput)
  .output(nsdActionItem)
  .mutation(({ ctx, input }) => updateActionUseCase(ctx, ctx.access, input));
