import type { CurrentUser, ProcedureName, Role } from '@lantern/domain';
import { mayCall, procedurePolicies } from '@lantern/domain';

/** What every page receives: who is signed in and the route's parameters. */
export interface PageProps {
  user: CurrentUser;
  params: Record<string, string | undefined>;
}

/**
 * Whether the user's roles may call a procedure, by the API's own policy table: the web app
 * offers a page, a form or a button only where the API would serve it, and never keeps a second
 * list of roles that could drift from the server's.
 */
export function userMay(user: { roles: readonly Role[] }, procedure: ProcedureName): boolean {
  return mayCall(procedurePolicies[procedure], user.roles);
}
