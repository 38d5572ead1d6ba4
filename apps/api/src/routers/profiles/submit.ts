import { submitProfile } from '@lantern/app';
import { profileVersionRef, profileVersionState } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const submit = procedure
  .input(profileVersionRef)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => submitProfile(ctx, ctx.access, input));
