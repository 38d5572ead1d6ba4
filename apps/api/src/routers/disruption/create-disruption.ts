import { createDisruptionAction } from '@lantern/app';
import { createDisruptionInput, disruptionDetail } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createDisruptionInput)
  .output(disruptionDetail)
  .mutation(({ ctx, input }) => createDisruptionAction(ctx, ctx.access, input));
