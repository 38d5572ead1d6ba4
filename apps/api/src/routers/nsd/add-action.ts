import { addActionInput, nsdActionItem } from '@lantern/domain';
import { addActionService } from '../../services/nsd-service.ts';
import { procedure } from '../../trpc.ts';

export const addAction = procedure
  .input(addActionInput)
  .output(nsdActionItem)
  .mutation(({ ctx, input }) => addActionService(ctx, ctx.access, input));
