import { randomUUID } from 'node:crypto';
import { createServer, readApiEnv } from '@lantern/api';
import type { Database } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, testServer } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import {
  freePort,
  type Hop,
  listenForProvider,
  type TestAccount,
  TestBrowser,
  type TestProvider,
} from '../support/oidc-provider.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Single sign-on end to end: Lantern listening on a real port, a real OpenID Connect provider
 * (oidc-provider) beside it, and a browser made of fetch, manual redirects and cookie jars.
 */
const roleMap =
  'Lantern.Analyst=police_analyst,Lantern.Officer=district_officer,Lantern.Coordinator=missing_coordinator';
const defaultAgency = 'Nottinghamshire single sign-on';
const mansfield = 'E07000174';
const ashfield = 'E07000170';
const rushcliffe = 'E07000176';

let db: Database;
let app: FastifyInstance;
let provider: TestProvider;
let lantern: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const listening = await listenForProvider();
  const port = await freePort();
  lantern = `http://127.0.0.1:${port}`;
  provider = listening.start(`${lantern}/auth/oidc/callback`);
  app = await createServer({
    db,
    env: readApiEnv({
      NODE_ENV: 'test',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_REDIRECT_URI: `${lantern}/auth/oidc/callback`,
      OIDC_ROLE_MAP: roleMap,
      OIDC_DEFAULT_AGENCY: defaultAgency,
    }),
  });
  await app.listen({ host: '127.0.0.1', port });
});
afterAll(async () => {
  await app.close();
  await provider.close();
  await db.close();
});

function newAccount(overrides: Partial<TestAccount> = {}): { subject: string; account: TestAccount } {
  const subject = randomUUID();
  const account: TestAccount = {
    email: `sso-${subject}@notts.example`,
    name: 'Sam Sso',
    roles: ['Lantern.Officer'],
    districts: [mansfield],
    ...overrides,
  };
  provider.setAccount(subject, account);
  return { subject, account };
}

function loginUrl(returnTo?: string): string {
  return `${lantern}/auth/oidc/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`;
}

/** Starts sign-in and stops at the provider's sign-in page, returning its URL. */
async function openProviderPage(browser: TestBrowser, returnTo?: string): Promise<URL> {
  const { hops } = await browser.navigate(loginUrl(returnTo));
  const page = hops.at(-1);
  expect(hops[0]?.status).toBe(303);
  expect(page?.status).toBe(200);
  expect(page?.url.origin).toBe(provider.issuer);
  expect(page?.url.pathname).toMatch(/^\/interaction\/[^/]+$/);
  return page?.url ?? new URL(provider.issuer);
}

/** Signs in at the provider as `subject`; returns the URL it sends the browser back to Lantern with. */
async function authorize(browser: TestBrowser, subject: string, returnTo?: string): Promise<URL> {
  const page = await openProviderPage(browser, returnTo);
  const { stoppedAt } = await browser.navigate(`${page.href}/login`, {
    form: { account: subject },
    stopBefore: (next) => next.origin === lantern,
  });
  expect(stoppedAt?.pathname).toBe('/auth/oidc/callback');
  return stoppedAt ?? new URL(lantern);
}

async function signIn(browser: TestBrowser, subject: string, returnTo?: string): Promise<Hop> {
  return (await browser.request(await authorize(browser, subject, returnTo))).hop;
}

async function trpcGet(browser: TestBrowser, path: string) {
  const { response } = await browser.request(`${lantern}/trpc/${path}`, { headers: { 'x-lantern-csrf': '1' } });
  return { status: response.status, body: (await response.json()) as { result?: { data: unknown } } };
}

async function lastAuditSeq(): Promise<bigint> {
  const last = await db.prisma.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
  return last?.seq ?? 0n;
}

async function auditSince(seq: bigint) {
  return db.prisma.auditEvent.findMany({
    where: { seq: { gt: seq } },
    orderBy: { seq: 'asc' },
    select: { action: true, userId: true, role: true, procedure: true, details: true },
  });
}

async function userBySubject(subject: string) {
  return db.prisma.user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: provider.issuer, oidcSubject: subject } },
    select: {
      id: true,
      email: true,
      displayName: true,
      passwordHash: true,
      agency: { select: { name: true, kind: true } },
      roles: { select: { role: true }, orderBy: { role: 'asc' } },
      scopes: { select: { districtCode: true }, orderBy: { districtCode: 'asc' } },
    },
  });
}

describe('signing in with the provider', () => {
  it('provisions a new user with the mapped roles and valid districts, and signs them in', async () => {
    const { subject, account } = newAccount({
      name: 'Robin Officer',
      roles: ['Lantern.Officer', 'Payroll.Clerk'],
      districts: [mansfield, 'E09000001', 'Mansfield'],
    });
    const before = await lastAuditSeq();
    const browser = new TestBrowser();

    const callback = await signIn(browser, subject, '/people?tab=flagged');
    expect(callback.status).toBe(303);
    expect(callback.location?.href).toBe(`${lantern}/people?tab=flagged`);
    const sessionCookie = callback.setCookies.find((header) => header.startsWith('lantern_session='));
    expect(sessionCookie).toMatch(/^lantern_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(browser.cookie(lantern, 'lantern_oidc_state')).toBeUndefined();

    const user = await userBySubject(subject);
    expect(user).toEqual({
      id: expect.any(String),
      email: account.email,
      displayName: 'Robin Officer',
      passwordHash: null,
      agency: { name: defaultAgency, kind: 'other' },
      roles: [{ role: 'district_officer' }],
      scopes: [{ districtCode: mansfield }],
    });
    const sessions = await db.prisma.session.findMany({ where: { userId: user?.id }, select: { authMethod: true } });
    expect(sessions).toEqual([{ authMethod: 'oidc' }]);
    expect(await auditSince(before)).toEqual([
      {
        action: 'login',
        userId: user?.id,
        role: 'district_officer',
        procedure: 'auth.oidc.callback',
        details: {
          method: 'oidc',
          ip: '127.0.0.1',
          created: true,
          linked: false,
          subject,
          email: account.email,
        },
      },
    ]);
  });

  it('shows the signed-in user to auth.me over HTTP with the session cookie', async () => {
    const { subject, account } = newAccount({ roles: ['Lantern.Analyst', 'Lantern.Officer'], districts: [ashfield] });
    const browser = new TestBrowser();
    await signIn(browser, subject);

    const me = await trpcGet(browser, 'auth.me');
    expect(me.status).toBe(200);
    expect(me.body.result?.data).toEqual({
      id: (await userBySubject(subject))?.id,
      email: account.email,
      displayName: 'Sam Sso',
      agency: defaultAgency,
      agencyKind: 'other',
      roles: expect.arrayContaining(['police_analyst', 'district_officer']),
      districtCodes: [ashfield],
      personLevelAccess: true,
    });
    expect(me.body.result?.data).toHaveProperty('roles.length', 2);
  });

  it('sends the browser home when no returnTo is given', async () => {
    const { subject } = newAccount();
    const callback = await signIn(new TestBrowser(), subject);
    expect(callback.location?.href).toBe(`${lantern}/`);
  });

  it('rewrites roles and districts from the claims at the next sign-in', async () => {
    const { subject, account } = newAccount({ roles: ['Lantern.Officer'], districts: [mansfield] });
    await signIn(new TestBrowser(), subject);
    const first = await userBySubject(subject);

    provider.setAccount(subject, {
      ...account,
      name: 'Sam Renamed',
      roles: ['Lantern.Coordinator'],
      districts: [ashfield, rushcliffe],
    });
    const browser = new TestBrowser();
    const callback = await signIn(browser, subject);
    expect(callback.status).toBe(303);

    const second = await userBySubject(subject);
    expect(second?.id).toBe(first?.id);
    expect(second?.displayName).toBe('Sam Renamed');
    expect(second?.roles).toEqual([{ role: 'missing_coordinator' }]);
    expect(second?.scopes).toEqual([{ districtCode: ashfield }, { districtCode: rushcliffe }]);
    expect(await db.prisma.user.count({ where: { email: account.email } })).toBe(1);
    const me = await trpcGet(browser, 'auth.me');
    expect(me.body.result?.data).toMatchObject({
      roles: ['missing_coordinator'],
      districtCodes: [ashfield, rushcliffe],
    });
  });

  it('links a local user with the same email and replaces their roles with the claims’', async () => {
    const local = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [rushcliffe] });
    const { subject } = newAccount({ email: local.email, roles: ['Lantern.Coordinator'], districts: [mansfield] });
    const before = await lastAuditSeq();

    const callback = await signIn(new TestBrowser(), subject);
    expect(callback.location?.href).toBe(`${lantern}/`);

    const linked = await userBySubject(subject);
    expect(linked?.id).toBe(local.id);
    expect(linked?.agency.name).toBe(local.agency);
    expect(linked?.passwordHash).not.toBeNull();
    expect(linked?.roles).toEqual([{ role: 'missing_coordinator' }]);
    expect(linked?.scopes).toEqual([{ districtCode: mansfield }]);
    expect(await auditSince(before)).toMatchObject([
      { action: 'login', userId: local.id, details: { method: 'oidc', created: false, linked: true } },
    ]);
  });
});

describe('refusals', () => {
  it('refuses an account with no mapped role, creates nobody and audits it', async () => {
    const { subject, account } = newAccount({ roles: ['Payroll.Clerk'], districts: [mansfield] });
    const before = await lastAuditSeq();
    const browser = new TestBrowser();

    const callback = await signIn(browser, subject);
    expect(callback.status).toBe(303);
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=no_role`);
    expect(callback.setCookies.some((header) => header.startsWith('lantern_session='))).toBe(false);
    expect(await userBySubject(subject)).toBeNull();
    expect(await db.prisma.user.count({ where: { email: account.email } })).toBe(0);
    expect(await auditSince(before)).toEqual([
      {
        action: 'login_failed',
        userId: null,
        role: null,
        procedure: 'auth.oidc.callback',
        details: { method: 'oidc', error: 'no_role', ip: '127.0.0.1', subject, email: account.email },
      },
    ]);
    expect((await trpcGet(browser, 'auth.me')).status).toBe(401);
  });

  it('takes every role from a linked user whose roles were removed at the provider, and refuses them', async () => {
    const { subject, account } = newAccount({ roles: ['Lantern.Analyst'], districts: [mansfield] });
    const earlier = new TestBrowser();
    await signIn(earlier, subject);
    expect((await trpcGet(earlier, 'auth.me')).status).toBe(200);

    provider.setAccount(subject, { ...account, roles: [] });
    const callback = await signIn(new TestBrowser(), subject);
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=no_role`);
    const user = await userBySubject(subject);
    expect(user?.roles).toEqual([]);
    expect(user?.scopes).toEqual([{ districtCode: mansfield }]);
    // The earlier session reads roles afresh, so it keeps no role either.
    expect((await trpcGet(earlier, 'auth.me')).body.result?.data).toMatchObject({
      roles: [],
      personLevelAccess: false,
    });
  });

  it('refuses to link an email whose user is already linked to another provider account', async () => {
    const local = await createUser(db, { roles: ['district_officer'] });
    await db.prisma.user.update({
      where: { id: local.id },
      data: { oidcIssuer: provider.issuer, oidcSubject: `other-${randomUUID()}` },
    });
    const { subject } = newAccount({ email: local.email, roles: ['Lantern.Analyst'] });
    const before = await lastAuditSeq();

    const callback = await signIn(new TestBrowser(), subject);
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=account_conflict`);
    expect(await auditSince(before)).toMatchObject([
      { action: 'login_failed', userId: local.id, details: { method: 'oidc', error: 'account_conflict' } },
    ]);
    expect((await db.prisma.user.findUnique({ where: { id: local.id }, select: { roles: true } }))?.roles).toEqual([
      { userId: local.id, role: 'district_officer' },
    ]);
  });

  it('refuses a replayed callback: a state answers once', async () => {
    const { subject } = newAccount();
    const browser = new TestBrowser();
    const callbackUrl = await authorize(browser, subject);
    const state = callbackUrl.searchParams.get('state') ?? '';
    expect((await browser.request(callbackUrl)).hop.location?.href).toBe(`${lantern}/`);

    // Put the state cookie back, so only the used-up state stands in the way.
    browser.setCookie(lantern, 'lantern_oidc_state', state);
    const before = await lastAuditSeq();
    const replay = (await browser.request(callbackUrl)).hop;
    expect(replay.status).toBe(303);
    expect(replay.location?.href).toBe(`${lantern}/?sso_error=invalid_state`);
    expect(replay.setCookies.some((header) => header.startsWith('lantern_session='))).toBe(false);
    expect(await auditSince(before)).toEqual([
      {
        action: 'login_failed',
        userId: null,
        role: null,
        procedure: 'auth.oidc.callback',
        details: { method: 'oidc', error: 'invalid_state', ip: '127.0.0.1', problem: 'unknown or already used state' },
      },
    ]);
  });

  it('refuses a tampered state', async () => {
    const { subject } = newAccount();
    const browser = new TestBrowser();
    const callbackUrl = await authorize(browser, subject);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', `${callbackUrl.searchParams.get('state')}x`);
    const before = await lastAuditSeq();

    const callback = (await browser.request(tampered)).hop;
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=invalid_state`);
    expect(await userBySubject(subject)).toBeNull();
    expect(await auditSince(before)).toMatchObject([
      { action: 'login_failed', details: { error: 'invalid_state', problem: 'unknown or already used state' } },
    ]);
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const attacker = newAccount();
    const callbackUrl = await authorize(new TestBrowser(), attacker.subject);
    const victim = new TestBrowser();
    const before = await lastAuditSeq();

    const callback = (await victim.request(callbackUrl)).hop;
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=invalid_state`);
    expect(callback.setCookies.some((header) => header.startsWith('lantern_session='))).toBe(false);
    expect(await auditSince(before)).toMatchObject([
      { action: 'login_failed', details: { error: 'invalid_state', problem: 'state not issued to this browser' } },
    ]);
  });

  it('refuses a sign-in that took longer than ten minutes', async () => {
    const { subject } = newAccount();
    const browser = new TestBrowser();
    const callbackUrl = await authorize(browser, subject);
    await db.prisma.oidcLogin.update({
      where: { state: callbackUrl.searchParams.get('state') ?? '' },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    const callback = (await browser.request(callbackUrl)).hop;
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=expired`);
    expect(await userBySubject(subject)).toBeNull();
  });

  it('refuses an ID token whose nonce is not the one Lantern sent', async () => {
    const { subject } = newAccount();
    const browser = new TestBrowser();
    const callbackUrl = await authorize(browser, subject);
    await db.prisma.oidcLogin.update({
      where: { state: callbackUrl.searchParams.get('state') ?? '' },
      data: { nonce: 'not-the-nonce-that-was-sent' },
    });
    const before = await lastAuditSeq();

    const callback = (await browser.request(callbackUrl)).hop;
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=token_invalid`);
    expect(await userBySubject(subject)).toBeNull();
    expect(await auditSince(before)).toMatchObject([
      {
        action: 'login_failed',
        details: {
          error: 'token_invalid',
          problem: 'unexpected ID Token "nonce" claim value',
          code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
        },
      },
    ]);
  });

  it('refuses a code redeemed without the PKCE verifier that goes with it', async () => {
    const { subject } = newAccount();
    const browser = new TestBrowser();
    const callbackUrl = await authorize(browser, subject);
    await db.prisma.oidcLogin.update({
      where: { state: callbackUrl.searchParams.get('state') ?? '' },
      data: { codeVerifier: 'a'.repeat(64) },
    });
    const before = await lastAuditSeq();

    const callback = (await browser.request(callbackUrl)).hop;
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=token_invalid`);
    expect(await userBySubject(subject)).toBeNull();
    expect(await auditSince(before)).toMatchObject([
      {
        action: 'login_failed',
        details: {
          error: 'token_invalid',
          problem: 'the token endpoint refused the code',
          providerError: 'invalid_grant',
        },
      },
    ]);
  });

  it('refuses when the user cancels at the provider', async () => {
    newAccount();
    const browser = new TestBrowser();
    const page = await openProviderPage(browser);
    const { stoppedAt } = await browser.navigate(`${page.href}/abort`, {
      form: {},
      stopBefore: (next) => next.origin === lantern,
    });
    expect(stoppedAt?.searchParams.get('error')).toBe('access_denied');
    const before = await lastAuditSeq();

    const callback = (await browser.request(stoppedAt ?? lantern)).hop;
    expect(callback.location?.href).toBe(`${lantern}/?sso_error=provider_error`);
    expect(await auditSince(before)).toMatchObject([
      {
        action: 'login_failed',
        details: { error: 'provider_error', providerError: 'access_denied', description: 'the user cancelled sign-in' },
      },
    ]);
  });

  it('sends the browser back with an error, not a 500, when the provider cannot be reached', async () => {
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const stranded = await createServer({
      db,
      env: readApiEnv({
        NODE_ENV: 'test',
        OIDC_ISSUER: unreachable,
        OIDC_CLIENT_ID: 'lantern',
        OIDC_CLIENT_SECRET: 'secret',
        OIDC_REDIRECT_URI: 'http://127.0.0.1:9/auth/oidc/callback',
        OIDC_ROLE_MAP: roleMap,
      }),
    });
    try {
      const before = await lastAuditSeq();
      const response = await stranded.inject({ method: 'GET', url: '/auth/oidc/login?returnTo=/people' });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/?sso_error=provider_unavailable');
      expect(await auditSince(before)).toEqual([
        {
          action: 'login_failed',
          userId: null,
          role: null,
          procedure: 'auth.oidc.login',
          details: { method: 'oidc', error: 'provider_unavailable', ip: '127.0.0.1' },
        },
      ]);
    } finally {
      await stranded.close();
    }
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example'])(
    'refuses returnTo=%s (an open redirect) before going to the provider',
    async (returnTo) => {
      const logins = await db.prisma.oidcLogin.count();
      const before = await lastAuditSeq();
      const browser = new TestBrowser();

      const { hop } = await browser.request(loginUrl(returnTo));
      expect(hop.status).toBe(303);
      expect(hop.location?.href).toBe(`${lantern}/?sso_error=invalid_return_to`);
      expect(browser.cookie(lantern, 'lantern_oidc_state')).toBeUndefined();
      expect(await db.prisma.oidcLogin.count()).toBe(logins);
      expect(await auditSince(before)).toEqual([
        {
          action: 'login_failed',
          userId: null,
          role: null,
          procedure: 'auth.oidc.login',
          details: { method: 'oidc', error: 'invalid_return_to', ip: '127.0.0.1', returnTo },
        },
      ]);
    },
  );
});

describe('auth.providers', () => {
  it('offers single sign-on with its login URL when a provider is configured', async () => {
    const providers = await trpcGet(new TestBrowser(), 'auth.providers');
    expect(providers.status).toBe(200);
    expect(providers.body.result?.data).toEqual({ oidc: { enabled: true, loginUrl: '/auth/oidc/login' } });
  });

  it('offers no single sign-on, and serves no sign-on routes, when none is configured', async () => {
    const plain = await testServer(db);
    try {
      const providers = await new HttpClient(plain).query('auth.providers');
      expect(providers.status).toBe(200);
      expect(providers.body.result?.data).toEqual({ oidc: { enabled: false, loginUrl: null } });
      expect((await plain.inject({ method: 'GET', url: '/auth/oidc/login' })).statusCode).toBe(404);
      expect((await plain.inject({ method: 'GET', url: '/auth/oidc/callback?state=x&code=y' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
