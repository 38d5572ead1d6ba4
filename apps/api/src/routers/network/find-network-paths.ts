import { findNetworkPaths } from '@lantern/app';
import { networkPathsInput, networkView } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const paths = procedure
  .input(networkPathsInput)
  .output(networkView)
  .query(({ ctx, input }) => findNetworkPaths(ctx, ctx.access, input));
