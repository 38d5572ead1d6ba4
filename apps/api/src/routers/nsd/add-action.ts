import { addAction as addActionUseCase } from '@lantern/app';
import { addActionInput, nsdActionItem } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const addAction = procedure
  .input(addActionInput)
  .output(nsdActionItem)
  .mutation(({ ctx, input }) => addActionUseCase(ctx, ctx.access, input));
