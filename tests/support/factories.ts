import { randomUUID } from 'node:crypto';
import type { Database, Principal, SessionPolicy } from '@lantern/db';
import { createSession, hashPassword } from '@lantern/db';
import type { AgencyKind, PersonKind, Role } from '@lantern/domain';

/**
 * Factories for integration tests: each call makes fresh rows with unique values, so tests
 * never share or mutate fixtures.
 */
export const testPassword = 'heron kettle quarry violin';
let passwordHash: Promise<string> | undefined;

export async function createAgency(db: Database, kind: AgencyKind = 'police') {
  return db.prisma.agency.create({
    data: { name: `Agency ${randomUUID()}`, kind },
    select: { id: true, name: true },
  });
}

export interface UserOptions {
  roles: Role[];
  districtCodes?: string[];
  email?: string;
  password?: string;
}

export async function createUser(db: Database, options: UserOptions): Promise<Principal & { password: string }> {
  const agency = await createAgency(db);
  const password = options.password ?? testPassword;
  passwordHash ??= hashPassword(testPassword);
  const hash = password === testPassword ? await passwordHash : await hashPassword(password);
  const email = options.email ?? `user-${randomUUID()}@lantern.test`;
  const user = await db.prisma.user.create({
    data: {
      email,
      displayName: `Test ${options.roles.join('+')}`,
      passwordHash: hash,
      agencyId: agency.id,
      roles: { create: options.roles.map((role) => ({ role })) },
      scopes: { create: (options.districtCodes ?? []).map((districtCode) => ({ districtCode })) },
    },
    select: { id: true },
  });
  return {
    id: user.id,
    email,
    displayName: `Test ${options.roles.join('+')}`,
    agencyId: agency.id,
    agency: agency.name,
    agencyKind: 'police' as const,
    roles: options.roles,
    districtCodes: [...(options.districtCodes ?? [])].sort(),
    password,
  };
}

/** A new user (`options`) with a session made directly, as a password sign-in makes one: its token. */
export async function createUserWithSession(db: Database, policy: SessionPolicy, options: UserOptions) {
  const user = await createUser(db, options);
  const token = await db.prisma.$transaction((tx) =>
    createSession(tx, user.id, 'password', policy, { ip: null, userAgent: null }),
  );
  return { user, token };
}

export interface PersonOptions {
  kind?: PersonKind;
  givenName?: string;
  familyName?: string;
  homeDistrictCode?: string;
  dateOfBirth?: string;
}

export async function createPersonRecord(db: Database, options: PersonOptions = {}) {
  const kind = options.kind ?? 'child';
  return db.prisma.person.create({
    data: {
      kind,
      pseudonymRef: `${kind === 'child' ? 'C' : 'A'}-${randomUUID().slice(0, 8).toUpperCase()}`,
      givenName: options.givenName ?? 'Jordan',
      familyName: options.familyName ?? `Testperson${randomUUID().slice(0, 6)}`,
      dateOfBirth: new Date(`${options.dateOfBirth ?? '2010-06-15'}T00:00:00Z`),
      sex: 'F',
      careStatus: kind === 'child' ? 'home' : null,
      homeDistrictCode: options.homeDistrictCode ?? 'E07000174',
    },
    select: { id: true, pseudonymRef: true, givenName: true, familyName: true, version: true },
  });
}
