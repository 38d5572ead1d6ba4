import { measureDisruptionEffect } from '@lantern/app';
import { disruptionEffect, disruptionEffectInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const effect = procedure
  .input(disruptionEffectInput)
  .output(disruptionEffect)
  .query(({ ctx, input }) => measureDisruptionEffect(ctx, ctx.access, input));
