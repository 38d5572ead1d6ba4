import { updateProfileTerms } from '@lantern/app';
import { profileVersionState, updateProfileTermsInput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const updateTerms = procedure
  .input(updateProfileTermsInput)
  .output(profileVersionState)
  .mutation(({ ctx, input }) => updateProfileTerms(ctx, ctx.access, input));
