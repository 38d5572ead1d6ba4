import { disruptionDetail, getDisruptionInput } from '@lantern/domain';
import { getDisruptionService } from '../../services/disruption-service.ts';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getDisruptionInput)
  .output(disruptionDetail)
  .query(({ ctx, input }) => getDisruptionService(ctx, ctx.access, input.id));
