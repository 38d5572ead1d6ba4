import { createProfile } from '@lantern/app';
import { createProfileInput, profileVersionState } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const create = procedure
  .input(createProfileInput)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => createProfile(ctx, ctx.access, input));
