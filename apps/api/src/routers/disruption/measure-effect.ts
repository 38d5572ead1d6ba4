import { disruptionEffect, disruptionEffectInput } from '@lantern/domain';
import { disruptionEffectService } from '../../services/disruption-service.ts';
import { procedure } from '../../trpc.ts';

export const effect = procedure
  .input(disruptionEffectInput)
  .output(disruptionEffect)
  .query(({ ctx, input }) => disruptionEffectService(ctx, ctx.access, input));
