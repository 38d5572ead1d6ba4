import type { Role } from '@lantern/domain';

/** Roles as people say them (the header and the district panel). */
export const roleLabels: Record<Role, string> = {
  police_analyst: 'Police analyst',
  missing_coordinator: 'Missing coordinator',
  district_officer: 'District officer',
  nsd_attendee: 'NSD attendee',
  admin: 'Administrator',
};

export function describeRoles(roles: readonly Role[]): string {
  return roles.length === 0 ? 'No role' : roles.map((role) => roleLabels[role]).join(', ');
}
