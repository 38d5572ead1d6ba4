import { viewEgoNetwork } from '@lantern/app';
import { egoNetworkInput, networkView } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const ego = procedure
  .input(egoNetworkInput)
  .output(networkView)
  .query(({ ctx, input }) => viewEgoNetwork(ctx, ctx.access, input));
