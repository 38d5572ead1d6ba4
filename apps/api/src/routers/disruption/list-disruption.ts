import { listDisruptionInput, listDisruptionOutput } from '@lantern/domain';
import { listDisruptionService } from '../../services/disruption-service.ts';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listDisruptionInput)
  .output(listDisruptionOutput)
  .query(({ ctx, input }) => listDisruptionService(ctx, ctx.access, input));
