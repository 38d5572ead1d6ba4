import { getProfile } from '@lantern/app';
import { getProfileInput, getProfileOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const get = procedure
  .input(getProfileInput)
  .output(getProfileOutput)
  .query(({ ctx, input }) => getProfile(ctx, ctx.access, input));
