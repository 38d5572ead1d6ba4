import { z } from 'zod';
import { agencyKinds, type Role, roles } from '../enums.ts';
import { districtCode, id, text, version } from './common.ts';
import { atLeastOneChange } from './tactics.ts';

/**
 * User administration (issue 18): administrators list, create and change accounts, disable and
 * enable them, and reset passwords. Every change takes the version read (a stale one is a CONFLICT).
 */
const role = z.enum(roles);
const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an email address' }));

const userRoles = z
  .array(role)
  .min(1, 'must name at least one role')
  .max(roles.length)
  .refine(unique, 'must not repeat a role');
const userDistricts = z.array(districtCode).max(20).refine(unique, 'must not repeat a district');
/** A password the administrator chooses; left out, Lantern generates one and shows it once. */
const temporaryPassword = z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters');

export const adminUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  agencyId: z.uuid(),
  agency: z.string(),
  agencyKind: z.enum(agencyKinds),
  roles: z.array(role),
  districtCodes: z.array(z.string()),
  disabled: z.boolean(),
  /** False for an account that signs in only with single sign-on. */
  hasPassword: z.boolean(),
  singleSignOn: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.int(),
});
export type AdminUser = z.infer<typeof adminUser>;

export const agencyOption = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(agencyKinds) });
export type AgencyOption = z.infer<typeof agencyOption>;

export const listUsersInput = z
  .object({
    /** Part of a name or email. */
    query: z
      .string()
      .trim()
      .max(200, 'must be at most 200 characters')
      .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
      .optional(),
  })
  .strict();
export type ListUsersInput = z.infer<typeof listUsersInput>;
export const listUsersOutput = z.object({ users: z.array(adminUser), agencies: z.array(agencyOption) });

export const createUserInput = z
  .object({
    email,
    displayName: text(200),
    agencyId: id,
    roles: userRoles,
    districtCodes: userDistricts.default([]),
    password: temporaryPassword.optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

/** A created or reset account: the generated password, shown this once, or null when the admin chose it. */
export const userWithPasswordOutput = z.object({
  user: adminUser,
  generatedPassword: z.string().nullable(),
  sessionsEnded: z.int().min(0),
});

export const updateUserInput = z
  .object({
    id,
    version,
    changes: z
      .object({
        displayName: text(200),
        agencyId: id,
        roles: userRoles,
        districtCodes: userDistricts,
        disabled: z.boolean({ error: 'must be true or false' }),
      })
      .partial()
      .strict()
      .refine(...atLeastOneChange),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.object({ id, version, password: temporaryPassword.optional() }).strict();
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/** Roles whose work is limited to their districts: an account with one needs at least one district. */
const districtScopedRoles: readonly Role[] = ['missing_coordinator', 'district_officer', 'nsd_attendee'];

/** Why these roles and districts do not make a usable account, or null when they do. */
export function districtScopeProblem(userRoles: readonly Role[], districtCodes: readonly string[]): string | null {
  if (districtCodes.length > 0 || userRoles.includes('police_analyst')) return null;
  const scoped = userRoles.filter((candidate) => districtScopedRoles.includes(candidate));
  if (scoped.length === 0) return null;
  return `must name at least one district for the role ${scoped.join(', ')} (it sees only its districts)`;
}
