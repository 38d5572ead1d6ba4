import {
  appendAudit,
  findLoginCandidate,
  hashPassword,
  lockedUntil,
  type Principal,
  recordLoginFailure,
  replacePassword,
  verifyPassword,
} from '@lantern/db';
import { AppError } from '@lantern/domain';
import type { AppContext } from '../context.ts';
import { authEvent } from './auth-support.ts';
import { passwordProblem } from './password-policy.ts';

/**
 * Changing one's own password: the current one must be right (a wrong one counts as a failed
 * sign-in, so this is no back door for guessing), the new one must pass the password policy,
 * and every other session of the user ends (all but `keepSessionId`, the one asking).
 */
export async function changePassword(
  app: AppContext,
  principal: Principal,
  change: { currentPassword: string; newPassword: string; keepSessionId: string | null },
): Promise<number> {
  const { currentPassword, newPassword } = change;
  const { prisma } = app.db;
  const accountKey = `account:${principal.email}`;
  if (await lockedUntil(prisma, [accountKey])) {
    throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-ins. Try again later.');
  }
  const candidate = await findLoginCandidate(prisma, principal.email);
  if (!candidate?.passwordHash) {
    throw new AppError('BAD_INPUT', 'currentPassword: this account signs in with single sign-on and has no password');
  }
  if (!(await verifyPassword(candidate.passwordHash, currentPassword))) {
    await prisma.$transaction(async (tx) => {
      await recordLoginFailure(tx, accountKey);
      await appendAudit(
        tx,
        authEvent('login_failed', 'auth.changePassword', principal, { reason: 'wrong current password' }),
      );
    });
    throw new AppError('BAD_INPUT', 'currentPassword: is not your current password');
  }
  const problem = passwordProblem(newPassword, [principal.email, principal.displayName]);
  if (problem) throw new AppError('BAD_INPUT', `newPassword: ${problem}`);
  const hash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    const ended = await replacePassword(tx, principal.id, hash, change.keepSessionId);
    await appendAudit(tx, {
      ...authEvent('update', 'auth.changePassword', principal, { fields: ['password'], otherSessionsEnded: ended }),
      recordType: 'user',
      recordIds: [principal.id],
    });
    return ended;
  });
}
