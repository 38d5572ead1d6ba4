import { appendAudit, type Principal } from '@lantern/db';
import {
  districtScope,
  hasPersonLevelAccess,
  mayCall,
  type PersonKind,
  type PersonView,
  type ProcedurePolicy,
  personView,
  policyFor,
  type Role,
} from '@lantern/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context.ts';
import { toTrpcError } from './errors.ts';

/**
 * tRPC for Lantern: every procedure goes through `enforcePolicy`, which finds the procedure's
 * entry in the policy table (packages/domain policy.ts), refuses callers it does not allow, and
 * hands the procedure an `access` describing the caller's district scope and view of people.
 */
export interface Access {
  principal: Principal | null;
  policy: ProcedurePolicy;
  procedure: string;
  /** The role recorded in audit events: the caller's first role that the policy allows. */
  role: Role | null;
  scope: 'all' | readonly string[];
  personLevel: boolean;
  view(kind: PersonKind): PersonView;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Internal errors never show their text (it may hold SQL or stack details); they are logged.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on the server' : shape.message;
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path },
    };
  },
});

const enforcePolicy = t.middleware(async ({ ctx, path, next }) => {
  const policy = policyFor(path);
  if (!policy) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: `${path} has no access policy and cannot be served`,
    });
  }
  const roles = ctx.principal?.roles ?? null;
  if (!mayCall(policy, roles)) {
    if (roles === null || ctx.principal === null) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to use Lantern' });
    }
    const principal = ctx.principal;
    await ctx.db.prisma.$transaction((tx) =>
      appendAudit(tx, {
        userId: principal.id,
        role: principal.roles[0] ?? null,
        action: 'denied',
        procedure: path,
        recordType: null,
        recordIds: [],
        reason: null,
        details: { roles: principal.roles },
      }),
    );
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Your role (${roles.join(', ') || 'none'}) may not use ${path}`,
    });
  }
  const allowedRoles =
    roles === null ? [] : Array.isArray(policy.callers) ? roles.filter((role) => policy.callers.includes(role)) : roles;
  const access: Access = {
    principal: ctx.principal,
    policy,
    procedure: path,
    role: allowedRoles[0] ?? null,
    scope: districtScope(allowedRoles, ctx.principal?.districtCodes ?? [], policy),
    personLevel: hasPersonLevelAccess(allowedRoles),
    view: (kind) => personView(allowedRoles, kind),
  };
  const result = await next({ ctx: { access } });
  if (!result.ok) return { ...result, error: toTrpcError(result.error) };
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** The only procedure builder: there is no way to define a procedure that skips the policy. */
export const procedure = t.procedure.use(enforcePolicy);

/** The signed-in principal, for procedures whose policy guarantees one. */
export function requirePrincipal(access: Access): Principal {
  if (!access.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to use Lantern' });
  return access.principal;
}
