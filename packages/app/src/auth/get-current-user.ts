import type { Principal } from '@lantern/db';
import { type CurrentUser, hasPersonLevelAccess } from '@lantern/domain';

/** Who the signed-in caller is: what `auth.me` answers and sign-in returns. */
export function getCurrentUser(principal: Principal): CurrentUser {
  return {
    id: principal.id,
    email: principal.email,
    displayName: principal.displayName,
    agency: principal.agency,
    agencyKind: principal.agencyKind,
    roles: principal.roles,
    districtCodes: principal.districtCodes,
    personLevelAccess: hasPersonLevelAccess(principal.roles),
  };
}
