import { describe, expect, it } from 'vitest';
import { readApiEnv } from '../env.ts';
import { oidcSettings, signInProviders } from './oidc-settings.ts';

const connection = {
  NODE_ENV: 'test',
  OIDC_ISSUER: 'https://idp.example/tenant/v2.0',
  OIDC_CLIENT_ID: 'lantern',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_REDIRECT_URI: 'https://lantern.example/auth/oidc/callback',
  OIDC_ROLE_MAP: 'Lantern.Analyst=police_analyst, Lantern.Officer=district_officer',
};

describe('single sign-on settings from the environment', () => {
  it('is off when no OIDC variable is set', () => {
    const env = readApiEnv({ NODE_ENV: 'test' });
    expect(oidcSettings(env)).toBeNull();
    expect(signInProviders(oidcSettings(env))).toEqual({ oidc: { enabled: false, loginUrl: null } });
  });

  it('reads the role map as claimValue=role pairs', () => {
    const settings = oidcSettings(readApiEnv({ ...connection, OIDC_DEFAULT_AGENCY: 'Notts SSO' }));
    expect(settings?.roleMap).toEqual([
      { claimValue: 'Lantern.Analyst', role: 'police_analyst' },
      { claimValue: 'Lantern.Officer', role: 'district_officer' },
    ]);
    expect(settings?.defaultAgency).toBe('Notts SSO');
    expect(settings?.issuer.href).toBe('https://idp.example/tenant/v2.0');
    expect(signInProviders(settings)).toEqual({ oidc: { enabled: true, loginUrl: '/auth/oidc/login' } });
  });

  it('splits a pair at its last "=", so claim values may contain one', () => {
    const settings = oidcSettings(readApiEnv({ ...connection, OIDC_ROLE_MAP: 'CN=Analysts=police_analyst' }));
    expect(settings?.roleMap).toEqual([{ claimValue: 'CN=Analysts', role: 'police_analyst' }]);
  });

  it('names a pair that maps to an unknown role', () => {
    expect(() =>
      readApiEnv({ ...connection, OIDC_ROLE_MAP: 'Lantern.Analyst=police_analyst,Lantern.Boss=boss' }),
    ).toThrow(
      'invalid environment: OIDC_ROLE_MAP: "Lantern.Boss=boss" maps to unknown role "boss" (roles: police_analyst, missing_coordinator, district_officer, nsd_attendee, admin)',
    );
  });

  it('names a pair without "="', () => {
    expect(() => readApiEnv({ ...connection, OIDC_ROLE_MAP: 'Lantern.Analyst' })).toThrow(
      'invalid environment: OIDC_ROLE_MAP: "Lantern.Analyst" is not a claimValue=lantern_role pair',
    );
  });

  it('needs a role map when single sign-on is on', () => {
    expect(() => readApiEnv({ ...connection, OIDC_ROLE_MAP: '' })).toThrow(
      'invalid environment: OIDC_ROLE_MAP: is required with single sign-on: without it nobody could be given a role',
    );
  });

  it('needs all four connection variables together', () => {
    expect(() =>
      readApiEnv({ NODE_ENV: 'test', OIDC_ISSUER: 'https://idp.example', OIDC_ROLE_MAP: 'a=admin' }),
    ).toThrow(
      'invalid environment: OIDC_CLIENT_ID: is required when OIDC_ISSUER is set (single sign-on needs all four); OIDC_CLIENT_SECRET: is required when OIDC_ISSUER is set (single sign-on needs all four); OIDC_REDIRECT_URI: is required when OIDC_ISSUER is set (single sign-on needs all four)',
    );
  });

  it('refuses a plain-http issuer that is not on this machine', () => {
    expect(() => readApiEnv({ ...connection, OIDC_ISSUER: 'http://idp.example' })).toThrow(
      'invalid environment: OIDC_ISSUER: must be an https URL (got http://idp.example)',
    );
    expect(oidcSettings(readApiEnv({ ...connection, OIDC_ISSUER: 'http://127.0.0.1:4000' }))?.issuer.port).toBe('4000');
  });

  it('refuses a redirect URI that is not the callback route', () => {
    expect(() => readApiEnv({ ...connection, OIDC_REDIRECT_URI: 'https://lantern.example/callback' })).toThrow(
      "invalid environment: OIDC_REDIRECT_URI: must have the path /auth/oidc/callback, where Lantern receives the provider's answer (got https://lantern.example/callback)",
    );
  });
});
