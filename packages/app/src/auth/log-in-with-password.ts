import {
  appendAudit,
  clearLoginFailures,
  createSession,
  findLoginCandidate,
  hashPassword,
  lockedUntil,
  recordLoginFailure,
  type SessionPolicy,
  verifyPassword,
} from '@lantern/db';
import { AppError, type CurrentUser } from '@lantern/domain';
import type { AppContext } from '../context.ts';
import { authEvent } from './auth-support.ts';
import { getCurrentUser } from './get-current-user.ts';

/** Who is signing in from where, and how long the session they get may last. */
export interface SignInAttempt {
  email: string;
  password: string;
  client: { ip: string | null; userAgent: string | null };
  session: SessionPolicy;
}

let dummyHash: Promise<string> | undefined;
/** Verifying against a throwaway hash keeps unknown emails as slow as wrong passwords. */
function timingDecoy(): Promise<string> {
  dummyHash ??= hashPassword('timing decoy for unknown accounts');
  return dummyHash;
}

/**
 * Password sign-in with throttling per account and per address. Every outcome is audited, and
 * every failure gives the same message, whether the account exists or not. Returns the new
 * session's token for the transport to hand to the browser (the API sets it as a cookie).
 */
export async function logInWithPassword(
  app: AppContext,
  attempt: SignInAttempt,
): Promise<{ user: CurrentUser; sessionToken: string }> {
  const { prisma } = app.db;
  const { email, password, client } = attempt;
  const keys = [`account:${email}`, `address:${client.ip ?? 'unknown'}`];
  const locked = await lockedUntil(prisma, keys);
  if (locked) {
    await prisma.$transaction((tx) =>
      appendAudit(tx, authEvent('login_failed', 'auth.login', null, { email, ip: client.ip, throttled: true })),
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
        authEvent('login_failed', 'auth.login', null, { email, ip: client.ip }, candidate?.principal.id ?? null),
      );
    });
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  const principal = candidate.principal;
  const sessionToken = await prisma.$transaction(async (tx) => {
    await clearLoginFailures(tx, `account:${email}`);
    const token = await createSession(tx, principal.id, 'password', attempt.session, client);
    await appendAudit(tx, authEvent('login', 'auth.login', principal, { method: 'password', ip: client.ip }));
    return token;
  });
  return { user: getCurrentUser(principal), sessionToken };
}
