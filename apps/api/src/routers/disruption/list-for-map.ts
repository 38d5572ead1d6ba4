import { disruptionForMapInput, disruptionForMapOutput } from '@lantern/domain';
import { disruptionForMapService } from '../../services/disruption-service.ts';
import { procedure } from '../../trpc.ts';

export const forMap = procedure
  .input(disruptionForMapInput)
  .output(disruptionForMapOutput)
  .query(({ ctx, input }) => disruptionForMapService(ctx, ctx.access, input));
