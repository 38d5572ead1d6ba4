import type { ApiEnv, RoleMapping } from '../env.ts';

/** Single sign-on as configured by the OIDC_* variables (documented in oidc.ts), or null when off. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  roleClaim: string;
  roleMap: readonly RoleMapping[];
  districtClaim: string;
  defaultAgency: string;
  /** Where the web app sends the browser to sign in (it may add `?returnTo=/path`). */
  loginPath: string;
}

export const oidcLoginPath = '/auth/oidc/login';

/**
 * Takes the environment as an argument, not process.env, so a test can point Lantern at a
 * provider whose port it only learns at run time. env.ts has already checked that the four
 * connection variables come together and that the role map is well formed.
 */
export function oidcSettings(env: ApiEnv): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI } = env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URI) return null;
  return {
    issuer: new URL(OIDC_ISSUER),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUri: new URL(OIDC_REDIRECT_URI),
    roleClaim: env.OIDC_ROLE_CLAIM,
    roleMap: env.OIDC_ROLE_MAP,
    districtClaim: env.OIDC_DISTRICT_CLAIM,
    defaultAgency: env.OIDC_DEFAULT_AGENCY,
    loginPath: oidcLoginPath,
  };
}

/** What the sign-in page offers besides a password (the auth.providers procedure). */
export function signInProviders(oidc: OidcSettings | null) {
  return { oidc: { enabled: oidc !== null, loginUrl: oidc?.loginPath ?? null } };
}
