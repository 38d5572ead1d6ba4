import { logOut } from '@lantern/app';
import { logoutOutput } from '@lantern/domain';
import { procedure } from '../../trpc.ts';

export const logout = procedure.output(logoutOutput).mutation(async ({ ctx }) => {
  await logOut(ctx, { principal: ctx.principal, sessionId: ctx.sessionId });
  ctx.cookies.clear();
  return { ok: true as const };
});
