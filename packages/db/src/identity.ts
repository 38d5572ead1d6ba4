import { createHash, randomBytes } from 'node:crypto';
import { type AgencyKind, HOUR_MS, type Role, roles as roleOrder } from '@lantern/domain';
import { type DataVersions, dataVersionColumns, dataVersionsOf } from './data-version.ts';
import type { PrismaTx } from './prisma-tx.ts';
import type { SessionCache } from './session-cache.ts';
import type { Sql } from './sql.ts';

/** Users, server-side sessions and login throttling. */
export interface Principal {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  agency: string;
  /** What kind of agency it is: which disruption powers it holds. */
  agencyKind: AgencyKind;
  roles: Role[];
  districtCodes: string[];
}

const principalSelect = {
  id: true,
  email: true,
  displayName: true,
  agencyId: true,
  disabledAt: true,
  agency: { select: { name: true, kind: true } },
  roles: { select: { role: true } },
  scopes: { select: { districtCode: true } },
} as const;

export type PrincipalRow = {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  disabledAt: Date | null;
  agency: { name: string; kind: AgencyKind };
  roles: { role: Role }[];
  scopes: { districtCode: string }[];
};

export function toPrincipal(row: PrincipalRow): Principal {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    agencyId: row.agencyId,
    agency: row.agency.name,
    agencyKind: row.agency.kind,
    roles: row.roles.map((r) => r.role).sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b)),
    districtCodes: row.scopes.map((s) => s.districtCode).sort(),
  };
}

/** The principal (roles, districts, agency) of a user, as sessions and sign-ins see it. */
export async function loadPrincipal(prisma: PrismaTx, userId: string): Promise<Principal> {
  return toPrincipal(await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: principalSelect }));
}

export async function findLoginCandidate(prisma: PrismaTx, email: string) {
  const row = await prisma.user.findUnique({ where: { email }, select: { ...principalSelect, passwordHash: true } });
  if (!row) return null;
  return { principal: toPrincipal(row), passwordHash: row.passwordHash, disabled: row.disabledAt !== null };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  tx: PrismaTx,
  userId: string,
  authMethod: 'password' | 'oidc',
  policy: SessionPolicy,
  client: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await tx.session.create({
    data: {
      id: hashToken(token),
      userId,
      authMethod,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteHours * HOUR_MS),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    },
  });
  await tx.user.update({ where: { id: userId }, data: { lastLoginAt: now } });
  return token;
}

/**
 * The session and its user's principal in one statement: this runs before every request, where
 * the five queries of a nested Prisma read were most of the cost of a cheap one. Times come back
 * as whole epoch milliseconds, as a JavaScript Date holds them, on either backend.
 */
const sessionPrincipalQuery = `
  SELECT floor(extract(epoch FROM s.expires_at) * 1000)::float8 AS "expiresAtMs",
         floor(extract(epoch FROM s.last_seen_at) * 1000)::float8 AS "lastSeenAtMs",
         s.ended_at IS NOT NULL AS ended, u.disabled_at IS NOT NULL AS disabled,
         u.id::text AS id, u.email, u.display_name AS "displayName", u.agency_id::text AS "agencyId",
         a.name AS "agencyName", a.kind::text AS "agencyKind",
         ARRAY(SELECT r.role::text FROM user_role r WHERE r.user_id = u.id) AS roles,
         ARRAY(SELECT d.district_code FROM user_district_scope d WHERE d.user_id = u.id) AS "districtCodes",
         ${dataVersionColumns}
  FROM session s JOIN app_user u ON u.id = s.user_id JOIN agency a ON a.id = u.agency_id
  WHERE s.id = $1`;

interface SessionPrincipalRow {
  expiresAtMs: number;
  lastSeenAtMs: number;
  ended: boolean;
  disabled: boolean;
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  roles: Role[];
  districtCodes: string[];
  tileVersions: Record<string, string> | null;
  readModelVersions: Record<string, string> | null;
}

/** A checked session as the cache keeps it: its principal, and the times its expiry is judged by. */
export interface CachedSession {
  principal: Principal;
  expiresAtMs: number;
  lastSeenAtMs: number;
}

export interface ResolvedSession {
  sessionId: string;
  principal: Principal;
  /**
   * The data versions committed when the session was checked (data-version.ts), read in the same
   * statement; absent when the session came from the cache, and then read where they are needed.
   */
  versions: DataVersions | undefined;
}

/**
 * The signed-in principal for a session token, or null when it is unknown, ended or expired.
 * With `cache`, a session checked moments ago is not read again (session-cache.ts).
 */
export async function resolveSession(
  sql: Sql,
  token: string,
  policy: SessionPolicy,
  cache?: SessionCache<CachedSession>,
): Promise<ResolvedSession | null> {
  const id = hashToken(token);
  const cached = cache?.find(id);
  if (cached) {
    return (await stillLive(sql, id, cached, policy))
      ? { sessionId: id, principal: cached.principal, versions: undefined }
      : null;
  }
  const generation = cache?.generation ?? 0;
  const [session] = await sql.query<SessionPrincipalRow>(sessionPrincipalQuery, [id], { prepare: true });
  if (!session || session.ended || session.disabled) return null;
  const checked: CachedSession = {
    principal: toPrincipal({
      ...session,
      disabledAt: null,
      agency: { name: session.agencyName, kind: session.agencyKind },
      roles: session.roles.map((role) => ({ role })),
      scopes: session.districtCodes.map((districtCode) => ({ districtCode })),
    }),
    expiresAtMs: session.expiresAtMs,
    lastSeenAtMs: session.lastSeenAtMs,
  };
  if (!(await stillLive(sql, id, checked, policy))) return null;
  cache?.keep(id, checked, generation);
  return { sessionId: id, principal: checked.principal, versions: dataVersionsOf(session) };
}

/**
 * Whether the session has neither expired nor idled out; if so, it is marked as seen, at most
 * once a minute (reads should not each cost a write), in the database and in `session`.
 */
async function stillLive(sql: Sql, id: string, session: CachedSession, policy: SessionPolicy): Promise<boolean> {
  const now = Date.now();
  const idleLimit = session.lastSeenAtMs + policy.idleMinutes * 60_000;
  if (session.expiresAtMs <= now || idleLimit <= now) return false;
  if (now - session.lastSeenAtMs > 60_000) {
    await sql.query('UPDATE session SET last_seen_at = $2::timestamptz WHERE id = $1', [
      id,
      new Date(now).toISOString(),
    ]);
    session.lastSeenAtMs = now;
  }
  return true;
}

export async function endSession(tx: PrismaTx, sessionId: string): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/**
 * Throttling: `maxFailures` failures within `windowMinutes` lock the key for `baseLockSeconds`,
 * doubling with each further failure up to `maxLockSeconds`. Keys are "account:<email>" and
 * "address:<ip>", so neither guessing one account from many addresses nor many accounts from
 * one address gets far. An address allows more failures than an account: a council office or a
 * police station signs in from behind one address.
 */
export const throttlePolicy = {
  maxFailures: { account: 5, address: 20 },
  windowMinutes: 15,
  baseLockSeconds: 30,
  maxLockSeconds: 3600,
};

export async function lockedUntil(prisma: PrismaTx, keys: readonly string[], now = new Date()): Promise<Date | null> {
  const rows = await prisma.loginThrottle.findMany({
    where: { key: { in: [...keys] }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const times = rows.map((row) => row.lockedUntil?.getTime() ?? 0);
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

export async function recordLoginFailure(tx: PrismaTx, key: string, now = new Date()): Promise<void> {
  const current = await tx.loginThrottle.findUnique({ where: { key } });
  const windowStart = new Date(now.getTime() - throttlePolicy.windowMinutes * 60_000);
  const fresh = !current || current.windowStartedAt < windowStart;
  const failures = fresh ? 1 : current.failures + 1;
  const over =
    failures - (key.startsWith('address:') ? throttlePolicy.maxFailures.address : throttlePolicy.maxFailures.account);
  const lockSeconds =
    over >= 0 ? Math.min(throttlePolicy.baseLockSeconds * 2 ** over, throttlePolicy.maxLockSeconds) : 0;
  const data = {
    failures,
    windowStartedAt: fresh ? now : current.windowStartedAt,
    lockedUntil: lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000) : null,
  };
  await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

export async function clearLoginFailures(tx: PrismaTx, key: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { key } });
}

/** Sets a new password hash and ends the user's other sessions; returns how many ended. */
export async function replacePassword(
  tx: PrismaTx,
  userId: string,
  passwordHash: string,
  keepSessionId: string | null,
): Promise<number> {
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash, version: { increment: 1 }, updatedAt: new Date() },
  });
  const { count } = await tx.session.updateMany({
    where: { userId, endedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { endedAt: new Date() },
  });
  return count;
}

/** An agency's name and kind, or null when there is no such agency. */
export async function findAgency(tx: PrismaTx, agencyId: string) {
  return tx.agency.findUnique({ where: { id: agencyId }, select: { name: true, kind: true } });
}

export async function userExists(tx: PrismaTx, userId: string): Promise<boolean> {
  return (await tx.user.findUnique({ where: { id: userId }, select: { id: true } })) !== null;
}

/**
 * The principal of an enabled account, by email, or else the first enabled account (by email) that
 * holds `role`: whom an operator's command acts as.
 */
export async function findPrincipal(
  prisma: PrismaTx,
  by: { email: string } | { role: Role },
): Promise<Principal | null> {
  const row = await prisma.user.findFirst({
    where:
      'email' in by ? { email: by.email, disabledAt: null } : { disabledAt: null, roles: { some: { role: by.role } } },
    orderBy: { email: 'asc' },
    select: principalSelect,
  });
  return row ? toPrincipal(row) : null;
}
