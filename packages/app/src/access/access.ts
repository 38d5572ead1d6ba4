import { appendAudit, type Principal } from '@lantern/db';
import {
  AppError,
  districtScope,
  hasPersonLevelAccess,
  type IntelligenceAudience,
  intelligenceAudience,
  mayCall,
  type PersonKind,
  type PersonView,
  type ProcedurePolicy,
  personView,
  type Role,
} from '@lantern/domain';
import type { AppContext } from '../context.ts';

/**
 * What a use case knows about its caller once access has been decided: who they are, the policy
 * entry that let them in, their district scope for it and how they see people. Transport-free:
 * the tRPC middleware and the plain HTTP routes (tiles, boundaries) both obtain one from
 * `authorize`.
 */
export interface Access {
  principal: Principal | null;
  policy: ProcedurePolicy;
  /** The procedure or route name recorded in audit events, e.g. `people.search`, `tiles.crime`. */
  procedure: string;
  /** The role recorded in audit events: the caller's first role that the policy allows. */
  role: Role | null;
  scope: 'all' | readonly string[];
  personLevel: boolean;
  /** Which intelligence the caller may see, even as a count (share-back by handling code). */
  intelligenceAudience: IntelligenceAudience;
  view(kind: PersonKind): PersonView;
}

/**
 * The one access decision, on every path. Refuses a signed-out caller (UNAUTHENTICATED) or a role
 * the policy does not admit (FORBIDDEN, and the denial is audited in its own transaction); else
 * returns the caller's access for this entry.
 */
export async function authorize(
  app: AppContext,
  principal: Principal | null,
  procedure: string,
  policy: ProcedurePolicy,
): Promise<Access> {
  const roles = principal?.roles ?? null;
  if (!mayCall(policy, roles)) {
    if (principal === null) throw new AppError('UNAUTHENTICATED', 'Sign in to use Lantern');
    await app.db.prisma.$transaction((tx) =>
      appendAudit(tx, {
        userId: principal.id,
        role: principal.roles[0] ?? null,
        action: 'denied',
        procedure,
        recordType: null,
        recordIds: [],
        reason: null,
        details: { roles: principal.roles },
      }),
    );
    throw new AppError('FORBIDDEN', `Your role (${principal.roles.join(', ') || 'none'}) may not use ${procedure}`);
  }
  return accessFor(principal, procedure, policy);
}

/** The access a caller the policy admits has: no checks, no I/O (see `authorize`). */
export function accessFor(principal: Principal | null, procedure: string, policy: ProcedurePolicy): Access {
  const roles = principal?.roles ?? [];
  const allowedRoles = Array.isArray(policy.callers)
    ? roles.filter((role) => (policy.callers as readonly Role[]).includes(role))
    : roles;
  return {
    principal,
    policy,
    procedure,
    role: allowedRoles[0] ?? null,
    scope: districtScope(allowedRoles, principal?.districtCodes ?? [], policy),
    personLevel: hasPersonLevelAccess(allowedRoles),
    intelligenceAudience: intelligenceAudience(allowedRoles),
    view: (kind) => personView(allowedRoles, kind),
  };
}

/** The signed-in principal, for use cases whose policy guarantees one. */
export function requirePrincipal(access: Access): Principal {
  if (!access.principal) throw new AppError('UNAUTHENTICATED', 'Sign in to use Lantern');
  return access.principal;
}
