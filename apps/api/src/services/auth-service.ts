import {
  type AuditAction,
  type AuditInput,
  appendAudit,
  clearLoginFailures,
  createSession,
  endSession,
  findLoginCandidate,
  hashPassword,
  lockedUntil,
  type Principal,
  recordLoginFailure,
  replacePassword,
  verifyPassword,
} from '@lantern/db';
import { AppError, type CurrentUser, hasPersonLevelAccess } from '@lantern/domain';
import { passwordProblem } from '../auth/password-policy.ts';
import type { Context } from '../context.ts';

/**
 * Password sign-in with throttling per account and per address. Every outcome is audited, and
 * every failure gives the same message, whether the account exists or not.
 */
let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash keeps unknown emails as slow as wrong passwords. */
function timingDecoy(): Promise<string> {
  dummyHash ??= hashPassword('timing decoy for unknown accounts');
  return dummyHash;
}

/** An audit event about signing in or out (no record involved). */
function authEvent(
  action: AuditAction,
  procedure: string,
  principal: Principal | null,
  details: Record<string, unknown>,
  userId: string | null = principal?.id ?? null,
): AuditInput {
  return {
    userId,
    role: principal?.roles[0] ?? null,
    action,
    procedure,
    recordType: null,
    recordIds: [],
    reason: null,
    details,
  };
}

export function currentUser(principal: Principal): CurrentUser {
  return {
    id: principal.id,
    email: principal.email,
    displayName: principal.displayName,
    agency: principal.agency,
    roles: principal.roles,
    districtCodes: principal.districtCodes,
    personLevelAccess: hasPersonLevelAccess(principal.roles),
  };
}

export async function loginWithPassword(ctx: Context, email: string, password: string): Promise<CurrentUser> {
  const { prisma } = ctx.db;
  const keys = [`account:${email}`, `address:${ctx.client.ip ?? 'unknown'}`];
  const locked = await lockedUntil(prisma, keys);
  if (locked) {
    await prisma.$transaction((tx) =>
      appendAudit(tx, authEvent('login_failed', 'auth.login', null, { email, ip: ctx.client.ip, throttled: true })),
    );
    const minutes = Math.max(1, Math.ceil((locked.getTime() - Date.now()) / 60_000));
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    );
  }
  const candidate = await findLoginCandidate(prisma, email);
  const verified =
    candidate?.passwordHash && !candidate.disabled
      ? await verifyPassword(candidate.passwordHash, password)
      : (await verifyPassword(await timingDecoy(), password)) && false;
  if (!candidate || !verified) {
    await prisma.$transaction(async (tx) => {
      for (const key of keys) await recordLoginFailure(tx, key);
      await appendAudit(
        tx,
        authEvent('login_failed', 'auth.login', null, { email, ip: ctx.client.ip }, candidate?.principal.id ?? null),
      );
    });
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  const principal = candidate.principal;
  const token = await prisma.$transaction(async (tx) => {
    await clearLoginFailures(tx, `account:${email}`);
    const sessionToken = await createSession(tx, principal.id, 'password', ctx.config.session, ctx.client);
    await appendAudit(tx, authEvent('login', 'auth.login', principal, { method: 'password', ip: ctx.client.ip }));
    return sessionToken;
  });
  ctx.cookies.set(token);
  return currentUser(principal);
}

export async function logout(ctx: Context): Promise<void> {
  const { principal, sessionId } = ctx;
  if (principal && sessionId) {
    await ctx.db.prisma.$transaction(async (tx) => {
      await endSession(tx, sessionId);
      await appendAudit(tx, authEvent('logout', 'auth.logout', principal, {}));
    });
  }
  ctx.cookies.clear();
}

/**
 * Changing one's own password: the current one must be right (a wrong one counts as a failed
 * sign-in, so this is no back door for guessing), the new one must pass the password policy,
 * and every other session of the user ends.
 */
export async function changePassword(
  ctx: Context,
  principal: Principal,
  currentPassword: string,
  newPassword: string,
): Promise<number> {
  const { prisma } = ctx.db;
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
    const ended = await replacePassword(tx, principal.id, hash, ctx.sessionId);
    await appendAudit(tx, {
      ...authEvent('update', 'auth.changePassword', principal, { fields: ['password'], otherSessionsEnded: ended }),
      recordType: 'user',
      recordIds: [principal.id],
    });
    return ended;
  });
}
