import { returnProfileToDraft } from '@lantern/app';
import { profileVersionState, returnProfileToDraftInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const returnToDraft = procedure
  .input(returnProfileToDraftInput)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => returnProfileToDraft(ctx, ctx.access, input));
