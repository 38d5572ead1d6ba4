import { getDisruptionAction } from '@lantern/app';
import { disruptionDetail, getDisruptionInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getDisruptionInput)
  .output(disruptionDetail)
  .query(({ ctx, input }) => getDisruptionAction(ctx, ctx.access, input.id));
