import { requirePrincipal } from '@lantern/app';
import { changePasswordInput, changePasswordOutput } from '@lantern/domain';
import { changePassword as changeOwnPassword } from '../../services/auth-service.ts';
import { procedure } from '../../trpc.ts';

export const changePassword = procedure
  .input(changePasswordInput)
  .output(changePasswordOutput)
  .mutation(async ({ ctx, input }) => ({
    ok: true as const,
    otherSessionsEnded: await changeOwnPassword(
      ctx,
      requirePrincipal(ctx.access),
      input.currentPassword,
      input.newPassword,
    ),
  }));
