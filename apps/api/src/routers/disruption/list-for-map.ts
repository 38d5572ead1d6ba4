import { listDisruptionForMap } from '@lantern/app';
import { disruptionForMapInput, disruptionForMapOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const forMap = procedure
  .input(disruptionForMapInput)
  .output(disruptionForMapOutput)
  .query(({ ctx, input }) => listDisruptionForMap(ctx, ctx.access, input));
