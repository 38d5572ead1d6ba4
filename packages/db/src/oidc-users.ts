import type { Role } from '@lantern/domain';
import { loadPrincipal, type Principal } from './identity.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Single sign-on: logins in flight (state, nonce and PKCE verifier, kept server-side and used
 * once) and the users the provider vouches for. The provider is the source of truth for roles
 * and district scopes, so they are rewritten from its claims at every sign-in.
 */
export const oidcLoginLifetimeMinutes = 10;

export interface OidcLoginStart {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

function lifetimeCutoff(now: Date): Date {
  return new Date(now.getTime() - oidcLoginLifetimeMinutes * 60_000);
}

export async function saveOidcLogin(prisma: PrismaTx, login: OidcLoginStart, now = new Date()): Promise<void> {
  // Expiring abandoned logins here keeps the table small without a scheduled job.
  await prisma.oidcLogin.deleteMany({ where: { createdAt: { lt: lifetimeCutoff(now) } } });
  await prisma.oidcLogin.create({ data: { ...login, createdAt: now } });
}

export type ConsumedOidcLogin =
  | { status: 'ok'; login: OidcLoginStart }
  | { status: 'unknown' }
  | { status: 'expired'; login: OidcLoginStart };

/** Takes the login for `state` out of the table: a state answers one callback, even a failed one. */
export async function consumeOidcLogin(prisma: PrismaTx, state: string, now = new Date()): Promise<ConsumedOidcLogin> {
  const row = await prisma.oidcLogin.findUnique({
    where: { state },
    select: { state: true, nonce: true, codeVerifier: true, returnTo: true, createdAt: true },
  });
  if (!row) return { status: 'unknown' };
  // Two callbacks racing with one state: only the one whose delete removed the row goes on.
  const { count } = await prisma.oidcLogin.deleteMany({ where: { state } });
  if (count !== 1) return { status: 'unknown' };
  const login = { state: row.state, nonce: row.nonce, codeVerifier: row.codeVerifier, returnTo: row.returnTo };
  return row.createdAt < lifetimeCutoff(now) ? { status: 'expired', login } : { status: 'ok', login };
}

/** What the provider's validated claims say about the user, already mapped to Lantern terms. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** Only an address the provider has not said is unverified; null when there is none. */
  email: string | null;
  displayName: string;
  roles: readonly Role[];
  districtCodes: readonly string[];
}

export type OidcRefusal = 'no_role' | 'missing_email' | 'account_conflict' | 'account_disabled';

export type OidcSignIn =
  | { status: 'signed-in'; principal: Principal; created: boolean; linked: boolean }
  | { status: 'refused'; reason: OidcRefusal; userId: string | null };

function refused(reason: OidcRefusal, userId: string | null): OidcSignIn {
  return { status: 'refused', reason, userId };
}

/**
 * Finds the user by (issuer, subject); else links a local user with the same email that has no
 * provider link yet; else creates one in `defaultAgency` (made, kind 'other', if missing). Roles
 * and district scopes are replaced by the claims' on every sign-in, so a role removed at the
 * provider is removed here too, even when that leaves the user with none and the sign-in is
 * refused. Run it in the transaction that also records the audit event and the session.
 */
export async function provisionOidcUser(
  tx: PrismaTx,
  identity: OidcIdentity,
  defaultAgency: string,
): Promise<OidcSignIn> {
  const linked = await tx.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } },
    select: { id: true, email: true, displayName: true, disabledAt: true },
  });
  if (linked) {
    if (linked.disabledAt) return refused('account_disabled', linked.id);
    await replaceAccess(tx, linked.id, identity);
    if (identity.roles.length === 0) return refused('no_role', linked.id);
    await refreshProfile(tx, linked, identity);
    return { status: 'signed-in', principal: await loadPrincipal(tx, linked.id), created: false, linked: false };
  }

  if (identity.email === null) return refused('missing_email', null);
  const sameEmail = await tx.user.findUnique({
    where: { email: identity.email },
    select: { id: true, disabledAt: true, oidcIssuer: true, oidcSubject: true },
  });
  if (sameEmail) {
    // Linked to another provider account already: linking again would hand one user's
    // records to whoever holds the second account.
    if (sameEmail.oidcIssuer !== null || sameEmail.oidcSubject !== null) {
      return refused('account_conflict', sameEmail.id);
    }
    if (sameEmail.disabledAt) return refused('account_disabled', sameEmail.id);
    if (identity.roles.length === 0) return refused('no_role', sameEmail.id);
    await tx.user.update({
      where: { id: sameEmail.id },
      data: {
        oidcIssuer: identity.issuer,
        oidcSubject: identity.subject,
        displayName: identity.displayName,
        version: { increment: 1 },
        updatedAt: new Date(),
      },
    });
    await replaceAccess(tx, sameEmail.id, identity);
    return { status: 'signed-in', principal: await loadPrincipal(tx, sameEmail.id), created: false, linked: true };
  }

  if (identity.roles.length === 0) return refused('no_role', null);
  const agency = await tx.agency.upsert({
    where: { name: defaultAgency },
    create: { name: defaultAgency, kind: 'other' },
    update: {},
    select: { id: true },
  });
  const user = await tx.user.create({
    data: {
      email: identity.email,
      displayName: identity.displayName,
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
      agencyId: agency.id,
      roles: { create: identity.roles.map((role) => ({ role })) },
      scopes: { create: identity.districtCodes.map((districtCode) => ({ districtCode })) },
    },
    select: { id: true },
  });
  return { status: 'signed-in', principal: await loadPrincipal(tx, user.id), created: true, linked: false };
}

async function replaceAccess(tx: PrismaTx, userId: string, identity: OidcIdentity): Promise<void> {
  await tx.userRole.deleteMany({ where: { userId } });
  await tx.userDistrictScope.deleteMany({ where: { userId } });
  if (identity.roles.length > 0) {
    await tx.userRole.createMany({ data: identity.roles.map((role) => ({ userId, role })) });
  }
  if (identity.districtCodes.length > 0) {
    await tx.userDistrictScope.createMany({
      data: identity.districtCodes.map((districtCode) => ({ userId, districtCode })),
    });
  }
}

/** Name and email follow the provider; an email another user already has is left as it was. */
async function refreshProfile(
  tx: PrismaTx,
  user: { id: string; email: string; displayName: string },
  identity: OidcIdentity,
): Promise<void> {
  const newEmail =
    identity.email !== null &&
    identity.email !== user.email &&
    (await tx.user.findUnique({ where: { email: identity.email }, select: { id: true } })) === null
      ? identity.email
      : user.email;
  if (newEmail === user.email && identity.displayName === user.displayName) return;
  await tx.user.update({
    where: { id: user.id },
    data: { email: newEmail, displayName: identity.displayName, version: { increment: 1 }, updatedAt: new Date() },
  });
}
