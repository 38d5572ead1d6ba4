import type { Role } from './enums.ts';

/**
 * The access policy: for every API procedure, who may call it, whether results and targets are
 * limited to the caller's districts, whether it returns people (redacted by `personView`), and
 * how it is audited. The API refuses to serve a procedure that has no entry here, and the
 * authorization matrix test is generated from this table and the router's procedure list.
 */
export type Caller = 'anyone' | 'signed-in' | readonly Role[];

export interface ProcedurePolicy {
  callers: Caller;
  /** 'district': reads and writes are limited to the caller's district scope (analysts: all). */
  scope: 'none' | 'district';
  /** Roles for which this procedure is not limited by district (besides police analysts). */
  unscopedRoles?: readonly Role[];
  /** Returns people, each shown as `personView` allows for the caller's roles. */
  returnsPeople: boolean;
  /** Aggregates: counts of people 1–4 become "<5" for callers without person-level access. */
  suppressSmallCounts: boolean;
  audit: 'none' | 'auth' | 'read' | 'search' | 'change' | 'export';
  summary: string;
}

const personLevel = ['police_analyst', 'missing_coordinator'] as const;
const partners = ['police_analyst', 'missing_coordinator', 'district_officer', 'nsd_attendee'] as const;

function policy(callers: Caller, scope: ProcedurePolicy['scope'], audit: ProcedurePolicy['audit'], summary: string) {
  return { callers, scope, audit, summary, returnsPeople: false, suppressSmallCounts: false } satisfies ProcedurePolicy;
}

export const procedurePolicies = {
  'auth.login': policy('anyone', 'none', 'auth', 'sign in with email and password'),
  'auth.logout': policy('signed-in', 'none', 'auth', 'end the session'),
  'auth.changePassword': policy('signed-in', 'none', 'change', 'change your own password (strength-checked)'),
  'auth.me': policy('signed-in', 'none', 'none', 'who am I: roles and districts'),
  'auth.providers': policy('anyone', 'none', 'none', 'sign-in methods on offer (single sign-on or not)'),

  'people.search': {
    ...policy([...personLevel, 'district_officer'], 'district', 'search', 'fuzzy name, date of birth, flags'),
    returnsPeople: true,
  },
  'people.get': {
    ...policy([...personLevel, 'district_officer'], 'district', 'read', 'one person, as the role may see them'),
    returnsPeople: true,
  },
  'people.create': {
    ...policy(personLevel, 'district', 'change', 'record a child (coordinators) or any person (analysts)'),
    returnsPeople: true,
  },
  'people.update': {
    ...policy(personLevel, 'district', 'change', 'change a person; a stale version is a CONFLICT'),
    returnsPeople: true,
  },

  'places.list': policy(partners, 'district', 'none', 'places of concern in the caller’s districts'),
  'places.get': {
    ...policy(partners, 'district', 'none', 'one place of concern, with a count of the people linked to it'),
    // The linked-people count is a count of people, so it is suppressed like any other.
    suppressSmallCounts: true,
  },
  'places.create': policy(['police_analyst', 'district_officer'], 'district', 'change', 'record a place of concern'),
  'places.update': policy(['police_analyst', 'district_officer'], 'district', 'change', 'change a place of concern'),

  'links.create': policy(['police_analyst'], 'none', 'change', 'link two records, citing the source record'),
  'links.listForEntity': {
    ...policy([...personLevel, 'district_officer'], 'district', 'read', 'links of one record'),
    returnsPeople: true,
  },

  'intelligence.submit': policy(partners, 'none', 'change', 'submit graded intelligence (no read-back)'),
  'intelligence.list': policy(['police_analyst'], 'district', 'search', 'intelligence reports'),

  'districts.list': {
    ...policy(
      'signed-in',
      'none',
      'none',
      'the eight districts with counts; people-derived counts of 1–4 show as "<5"',
    ),
    suppressSmallCounts: true,
  },

  'audit.forRecord': {
    ...policy(
      ['admin', 'missing_coordinator'],
      'district',
      'read',
      'who accessed a person’s record: admins for anyone, coordinators for the children in their districts',
    ),
    unscopedRoles: ['admin'],
  },
} as const satisfies Record<string, ProcedurePolicy>;

export type ProcedureName = keyof typeof procedurePolicies;

export function policyFor(path: string): ProcedurePolicy | undefined {
  return Object.hasOwn(procedurePolicies, path) ? procedurePolicies[path as ProcedureName] : undefined;
}

/** Whether a caller with these roles (none when signed out) may call a procedure at all. */
export function mayCall(policy: ProcedurePolicy, roles: readonly Role[] | null): boolean {
  if (policy.callers === 'anyone') return true;
  if (roles === null) return false;
  if (policy.callers === 'signed-in') return true;
  const allowed = policy.callers as readonly Role[];
  return roles.some((role) => allowed.includes(role));
}

/**
 * The caller's district scope for a procedure: every district for police analysts and for the
 * policy's unscoped roles, else the districts the caller is assigned.
 */
export function districtScope(
  roles: readonly Role[],
  assigned: readonly string[],
  policy?: Pick<ProcedurePolicy, 'unscopedRoles'>,
): 'all' | readonly string[] {
  const unscoped = roles.some((role) => role === 'police_analyst' || policy?.unscopedRoles?.includes(role));
  return unscoped ? 'all' : assigned;
}

export function inScope(scope: 'all' | readonly string[], districtCode: string | null): boolean {
  return scope === 'all' || (districtCode !== null && scope.includes(districtCode));
}
