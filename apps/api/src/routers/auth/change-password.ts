import { changePassword as changeOwnPassword, requirePrincipal } from '@lantern/app';
import { changePasswordInput, changePasswordOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const changePassword = procedure
  .input(changePasswordInput)
  .output(changePasswordOutput)
  .mutation(async ({ ctx, input }) => ({
    ok: true as const,
    otherSessionsEnded: await changeOwnPassword(ctx, requirePrincipal(ctx.access), {
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      keepSessionId: ctx.sessionId,
    }),
  }));
