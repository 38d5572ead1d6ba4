import { refreshProfile } from '@lantern/app';
import { profileVersionRef, profileVersionState } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const refresh = procedure
  .input(profileVersionRef)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => refreshProfile(ctx, ctx.access, input));
