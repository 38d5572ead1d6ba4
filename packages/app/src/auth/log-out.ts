import { appendAudit, endSession, type Principal } from '@lantern/db';
import type { AppContext } from '../context.ts';
import { authEvent } from './auth-support.ts';

/** Ends the caller's session in the database (audited); signed out already, nothing to do. */
export async function logOut(
  app: AppContext,
  caller: { principal: Principal | null; sessionId: string | null },
): Promise<void> {
  const { principal, sessionId } = caller;
  if (!principal || !sessionId) return;
  await app.db.prisma.$transaction(async (tx) => {
    await endSession(tx, sessionId);
    await appendAudit(tx, authEvent('logout', 'auth.logout', principal, {}));
  });
}
