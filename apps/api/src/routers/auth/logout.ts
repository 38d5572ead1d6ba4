import { logoutOutput } from '@lantern/domain';
import { logout as endCurrentSession } from '../../services/auth-service.ts';
import { procedure } from '../../trpc.ts';

export const logout = procedure.output(logoutOutput).mutation(async ({ ctx }) => {
  await endCurrentSession(ctx);
  return { ok: true as const };
});
