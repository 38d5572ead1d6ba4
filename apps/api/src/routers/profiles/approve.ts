import { approveProfile } from '@lantern/app';
import { profileVersionRef, profileVersionState } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const approve = procedure
  .input(profileVersionRef)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => approveProfile(ctx, ctx.access, input));
