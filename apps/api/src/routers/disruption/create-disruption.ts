import { createDisruptionInput, disruptionDetail } from '@lantern/domain';
import { createDisruptionService } from '../../services/disruption-service.ts';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createDisruptionInput)
  .output(disruptionDetail)
  .mutation(({ ctx, input }) => createDisruptionService(ctx, ctx.access, input));
