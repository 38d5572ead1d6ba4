import { viewDistrictNetwork } from '@lantern/app';
import { districtNetworkInput, networkView } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const district = procedure
  .input(districtNetworkInput)
  .output(networkView)
  .query(({ ctx, input }) => viewDistrictNetwork(ctx, ctx.access, input));
