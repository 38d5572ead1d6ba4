import { transitionDisruptionAction } from '@lantern/app';
import { disruptionDetail, transitionDisruptionInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const transition = procedure
  .input(transitionDisruptionInput)
  .output(disruptionDetail)
  .mutation(({ ctx, input }) => transitionDisruptionAction(ctx, ctx.access, input));
