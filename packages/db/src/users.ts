import type { AdminUser, AgencyOption, Role } from '@lantern/domain';
import { toPrincipal } from './identity.ts';
import type { PrismaTx } from './prisma-tx.ts';

/** User administration (issue 18): accounts as administrators see them, and their changes. */
const adminUserSelect = {
  id: true,
  email: true,
  displayName: true,
  agencyId: true,
  passwordHash: true,
  oidcSubject: true,
  disabledAt: true,
  lastLoginAt: true,
  version: true,
  agency: { select: { name: true, kind: true } },
  roles: { select: { role: true } },
  scopes: { select: { districtCode: true } },
} as const;

type AdminUserRow = {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  passwordHash: string | null;
  oidcSubject: string | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  version: number;
  agency: { name: string; kind: AdminUser['agencyKind'] };
  roles: { role: Role }[];
  scopes: { districtCode: string }[];
};

function toAdminUser(row: AdminUserRow): AdminUser {
  // The account as a principal (agency, roles and districts in their usual order), and what only an admin sees.
  return {
    ...toPrincipal(row),
    disabled: row.disabledAt !== null,
    hasPassword: row.passwordHash !== null,
    singleSignOn: row.oidcSubject !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    version: row.version,
  };
}

export async function listAdminUsers(prisma: PrismaTx, query?: string): Promise<AdminUser[]> {
  const rows = await prisma.user.findMany({
    select: adminUserSelect,
    where: query
      ? {
          OR: [
            { email: { contains: query, mode: 'insensitive' } },
            { displayName: { contains: query, mode: 'insensitive' } },
          ],
        }
      : {},
    orderBy: [{ displayName: 'asc' }, { email: 'asc' }],
  });
  return rows.map(toAdminUser);
}

export async function getAdminUser(prisma: PrismaTx, id: string): Promise<AdminUser | null> {
  const row = await prisma.user.findUnique({ where: { id }, select: adminUserSelect });
  return row ? toAdminUser(row) : null;
}

export async function listAgencyOptions(prisma: PrismaTx): Promise<AgencyOption[]> {
  return prisma.agency.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: 'asc' } });
}

export async function emailTaken(prisma: PrismaTx, email: string): Promise<boolean> {
  return (await prisma.user.findUnique({ where: { email }, select: { id: true } })) !== null;
}

export interface NewUser {
  email: string;
  displayName: string;
  agencyId: string;
  roles: readonly Role[];
  districtCodes: readonly string[];
  passwordHash: string;
}

export async function insertUser(tx: PrismaTx, user: NewUser): Promise<AdminUser> {
  const row = await tx.user.create({
    data: {
      email: user.email,
      displayName: user.displayName,
      agencyId: user.agencyId,
      passwordHash: user.passwordHash,
      roles: { create: user.roles.map((role) => ({ role })) },
      scopes: { create: user.districtCodes.map((districtCode) => ({ districtCode })) },
    },
    select: adminUserSelect,
  });
  return toAdminUser(row);
}

export interface UserChanges {
  displayName?: string;
  agencyId?: string;
  roles?: readonly Role[];
  districtCodes?: readonly string[];
  disabled?: boolean;
  passwordHash?: string;
}

export type UserUpdateOutcome =
  | { status: 'updated'; user: AdminUser; sessionsEnded: number }
  | { status: 'not-found' }
  | { status: 'conflict'; currentVersion: number };

/**
 * Changes an account against the version read. Disabling it, or setting a new password, ends
 * every session it has; roles and districts are read afresh at every request, so a change to
 * them takes effect at the user's next click.
 */
export async function updateUserRow(
  tx: PrismaTx,
  id: string,
  version: number,
  changes: UserChanges,
  now = new Date(),
): Promise<UserUpdateOutcome> {
  const current = await tx.user.findUnique({ where: { id }, select: { version: true, disabledAt: true } });
  if (!current) return { status: 'not-found' };
  const { count } = await tx.user.updateMany({
    where: { id, version },
    data: {
      ...(changes.displayName === undefined ? {} : { displayName: changes.displayName }),
      ...(changes.agencyId === undefined ? {} : { agencyId: changes.agencyId }),
      ...(changes.passwordHash === undefined ? {} : { passwordHash: changes.passwordHash }),
      ...(changes.disabled === undefined ? {} : { disabledAt: changes.disabled ? (current.disabledAt ?? now) : null }),
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  if (count === 0) return { status: 'conflict', currentVersion: current.version };
  if (changes.roles) {
    await tx.userRole.deleteMany({ where: { userId: id } });
    await tx.userRole.createMany({ data: changes.roles.map((role) => ({ userId: id, role })) });
  }
  if (changes.districtCodes) {
    await tx.userDistrictScope.deleteMany({ where: { userId: id } });
    await tx.userDistrictScope.createMany({
      data: changes.districtCodes.map((districtCode) => ({ userId: id, districtCode })),
    });
  }
  let sessionsEnded = 0;
  if (changes.disabled === true || changes.passwordHash !== undefined) {
    ({ count: sessionsEnded } = await tx.session.updateMany({
      where: { userId: id, endedAt: null },
      data: { endedAt: now },
    }));
  }
  const user = await getAdminUser(tx, id);
  return user ? { status: 'updated', user, sessionsEnded } : { status: 'not-found' };
}
