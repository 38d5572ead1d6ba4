import { z } from 'zod';
import { agencyKinds, roles } from '../enums.ts';

export const loginInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: 'must be an email address' })),
  password: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
});

export const currentUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  agency: z.string(),
  /** The kind of the user's agency: which disruption powers it holds (tactic.holderAgencyKinds). */
  agencyKind: z.enum(agencyKinds),
  roles: z.array(z.enum(roles)),
  districtCodes: z.array(z.string()),
  personLevelAccess: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const loginOutput = z.object({ user: currentUser });
/** `auth.session`: the signed-in user, or null for a visitor who has not signed in. */
export const sessionOutput = z.object({ user: currentUser.nullable() });
export const logoutOutput = z.object({ ok: z.literal(true) });

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
    newPassword: z.string().min(1, 'is required').max(1024, 'must be at most 1024 characters'),
  })
  .strict();
export const changePasswordOutput = z.object({ ok: z.literal(true), otherSessionsEnded: z.int().min(0) });
