import { nsdActionItem, updateActionInput } from '@lantern/domain';
import { updateActionService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const updateAction = procedure
  .input(updateActionInput)
  .output(nsdActionItem)
  .mutation(({ ctx, input }) => updateActionService(ctx, ctx.access, input));
