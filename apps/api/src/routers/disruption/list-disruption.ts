import { listDisruptionActions } from '@lantern/app';
import { listDisruptionInput, listDisruptionOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const list = procedure
  .input(listDisruptionInput)
  .output(listDisruptionOutput)
  .query(({ ctx, input }) => listDisruptionActions(ctx, ctx.access, input));
