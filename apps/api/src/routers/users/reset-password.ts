import { resetUserPassword } from '@lantern/app';
import { resetPasswordInput, userWithPasswordOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const resetPassword = procedure
  .input(resetPasswordInput)
  .output(userWithPasswordOutput)
  .mutation(({ ctx, input }) => resetUserPassword(ctx, ctx.access, input));
