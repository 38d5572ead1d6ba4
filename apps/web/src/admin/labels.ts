import { agencyKindLabels, districts, type Role, roles } from '@lantern/domain';
import { roleLabels } from '../auth/role-labels.ts';

/** Choices the administration forms offer, in the order people expect them. */
export const roleOptions = roles.map((role) => [role, roleLabels[role]] as const);
export const districtOptions = districts.map((district) => [district.code as string, district.name as string] as const);

const districtNames = new Map<string, string>(districts.map((district) => [district.code, district.name]));
export const districtName = (code: string) => districtNames.get(code) ?? code;

export function describeDistricts(codes: readonly string[], userRoles: readonly Role[]): string {
  if (userRoles.includes('police_analyst')) return 'All (police analyst)';
  // An administrator's work is not about districts: none is needed.
  if (codes.length === 0 && userRoles.every((role) => role === 'admin')) return 'Not needed';
  return codes.length === 0 ? 'None' : codes.map(districtName).join(', ');
}

export { agencyKindLabels };
