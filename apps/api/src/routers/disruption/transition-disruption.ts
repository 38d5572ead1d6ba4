import { disruptionDetail, transitionDisruptionInput } from '@lantern/domain';
import { transitionDisruptionService } from '../../services/disruption-service.ts';
import { procedure } from '../../trpc.ts';

export const transition = procedure
  .input(transitionDisruptionInput)
  .output(disruptionDetail)
  .mutation(({ ctx, input }) => transitionDisruptionService(ctx, ctx.access, input));
