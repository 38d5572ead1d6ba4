import { newProfileVersion } from '@lantern/app';
import { profileVersionRef, profileVersionState } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const newVersion = procedure
  .input(profileVersionRef)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => newProfileVersion(ctx, ctx.access, input));
