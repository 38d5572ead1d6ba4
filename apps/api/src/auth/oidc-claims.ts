import type { OidcIdentity } from '@lantern/db';
import { type DistrictCode, isDistrictCode, type Role, roles } from '@lantern/domain';
import type { RoleMapping } from '../env.ts';
import type { OidcSettings } from './oidc-settings.ts';

/** Pure rules of single sign-on: where a browser may be sent back to, and what claims mean here. */

/**
 * The path to send the browser to after sign-in, or null when `returnTo` could lead off the site
 * (an open redirect): it must be a relative path on this origin. "//evil.example" and
 * "/\evil.example" are absolute to a browser, so a second slash or any backslash is refused.
 */
export function safeReturnTo(returnTo: unknown): string | null {
  if (returnTo === undefined || returnTo === '') return '/';
  if (typeof returnTo !== 'string' || returnTo.length > 2000) return null;
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) return null;
  // Browsers drop tabs and newlines from URLs, which would turn "/\t/evil.example" into "//evil.example".
  if ([...returnTo].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return null;
  const base = 'http://lantern.invalid';
  const url = new URL(returnTo, base);
  if (url.origin !== base) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A claim holding several values: a JSON array of strings, or one space-separated string. */
export function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const value = claims[name];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** Lantern roles for the claim's values through the role map; values it does not name are ignored. */
export function mapRoles(values: readonly string[], roleMap: readonly RoleMapping[]): Role[] {
  const mapped = new Set(roleMap.filter((mapping) => values.includes(mapping.claimValue)).map((m) => m.role));
  return roles.filter((role) => mapped.has(role));
}

/** District scopes from the claim's values; anything that is not one of our district codes is ignored. */
export function mapDistricts(values: readonly string[]): DistrictCode[] {
  return [...new Set(values.filter(isDistrictCode))].sort();
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** A lower-cased address, unless the provider says it has not verified it. */
function verifiedEmail(claims: Record<string, unknown>): string | null {
  if (claims.email_verified === false) return null;
  const email = stringClaim(claims, 'email')?.toLowerCase() ?? null;
  return email !== null && email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** The user the provider's validated claims describe, in Lantern's terms. */
export function identityFromClaims(
  claims: Record<string, unknown>,
  issuer: string,
  settings: Pick<OidcSettings, 'roleClaim' | 'roleMap' | 'districtClaim'>,
): OidcIdentity {
  const subject = stringClaim(claims, 'sub') ?? '';
  const email = verifiedEmail(claims);
  const givenAndFamily = [stringClaim(claims, 'given_name'), stringClaim(claims, 'family_name')]
    .filter((part) => part !== null)
    .join(' ');
  const displayName = stringClaim(claims, 'name') ?? (givenAndFamily || email || subject);
  return {
    issuer,
    subject,
    email,
    displayName: displayName.slice(0, 200),
    roles: mapRoles(claimValues(claims, settings.roleClaim), settings.roleMap),
    districtCodes: mapDistricts(claimValues(claims, settings.districtClaim)),
  };
}
