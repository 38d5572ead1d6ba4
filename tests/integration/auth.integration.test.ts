import { createServer, readApiEnv } from '@lantern/api';
import type { Database } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, testServer } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
});
afterAll(async () => {
  await app.close();
  await db.close();
});

async function auditActions(userId: string) {
  const rows = await db.prisma.auditEvent.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

describe('sign in, who am I, sign out', () => {
  it('gives an httpOnly SameSite=Lax session cookie that logout ends server-side', async () => {
    const user = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
    const client = new HttpClient(app);
    const login = await client.mutation('auth.login', { email: user.email.toUpperCase(), password: user.password });
    expect(login.status).toBe(200);
    expect(login.setCookie).toMatch(/^lantern_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    const stolenCookie = client.cookie;

    const me = await client.query('auth.me');
    expect(me.body.result?.data).toMatchObject({
      email: user.email,
      roles: ['district_officer'],
      districtCodes: ['E07000174'],
      personLevelAccess: false,
      // The kind of the user's agency: the web app offers only the tactics it holds (issue 18).
      agencyKind: 'police',
    });

    expect((await client.mutation('auth.logout')).status).toBe(200);
    const replay = new HttpClient(app);
    replay.cookie = stolenCookie;
    const after = await replay.query('auth.me');
    expect(after.status).toBe(401);
    expect(await auditActions(user.id)).toEqual(['login', 'logout']);
  });

  // Regression (issue 18): the web app asked auth.me on every start, so each visit to the sign-in
  // page logged a 401 in the browser console.
  it('answers auth.session with null for a visitor and with the user once signed in', async () => {
    const user = await createUser(db, { roles: ['nsd_attendee'], districtCodes: ['E07000174'] });
    const client = new HttpClient(app);
    const visitor = await client.query('auth.session');
    expect(visitor.status).toBe(200);
    expect(visitor.body.result?.data).toEqual({ user: null });

    await client.mutation('auth.login', { email: user.email, password: user.password });
    const signedIn = await client.query('auth.session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.result?.data).toMatchObject({ user: { email: user.email, roles: ['nsd_attendee'] } });

    await client.mutation('auth.logout');
    expect((await client.query('auth.session')).body.result?.data).toEqual({ user: null });
  });

  it('gives the same message for a wrong password and an unknown account, and audits both', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const wrong = await new HttpClient(app).mutation('auth.login', {
      email: user.email,
      password: 'not the password at all',
    });
    const unknown = await new HttpClient(app).mutation('auth.login', {
      email: 'nobody@lantern.test',
      password: 'whatever it is',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error?.message).toBe('Email or password is incorrect');
    expect(unknown.body.error?.message).toBe('Email or password is incorrect');
    expect(await auditActions(user.id)).toEqual(['login_failed']);
  });

  it('locks an account after repeated failures, even with the right password', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await new HttpClient(app, { 'x-lantern-csrf': '1', 'x-forwarded-for': `10.0.0.${attempt}` }).mutation(
        'auth.login',
        {
          email: user.email,
          password: 'wrong password number',
        },
      );
    }
    const right = await new HttpClient(app).mutation('auth.login', { email: user.email, password: user.password });
    expect(right.status).toBe(429);
    expect(right.body.error?.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
  });

  it('names the field of a malformed sign-in', async () => {
    const response = await new HttpClient(app).mutation('auth.login', { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toBe('email: must be an email address; password: is required');
  });
});

describe('cross-site request defences', () => {
  it('refuses API calls without the custom header', async () => {
    const response = await new HttpClient(app, {}).mutation('auth.login', { email: 'a@b.c', password: 'x' });
    expect(response.status).toBe(403);
    expect(response.body.error?.message).toBe('Missing the x-lantern-csrf header required on API requests');
  });

  it('refuses API calls from another origin', async () => {
    const response = await new HttpClient(app, { 'x-lantern-csrf': '1', origin: 'https://evil.example' }).query(
      'auth.me',
    );
    expect(response.status).toBe(403);
  });

  it('sends a strict content security policy and no-referrer', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends the security headers on every kind of answer, and HSTS only in production', async () => {
    // An API answer, an API refusal, a procedure nobody serves, a refused tile and the health check.
    const answers = [
      await app.inject({ method: 'GET', url: '/trpc/districts.list', headers: { 'x-lantern-csrf': '1' } }),
      await app.inject({ method: 'GET', url: '/trpc/districts.list' }),
      await app.inject({ method: 'GET', url: '/trpc/no.such.procedure', headers: { 'x-lantern-csrf': '1' } }),
      await app.inject({ method: 'GET', url: '/tiles/nowhere/1/0/0.pbf' }),
      await app.inject({ method: 'GET', url: '/healthz' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([401, 403, 404, 404, 200]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toContain("object-src 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['strict-transport-security']).toBeUndefined();
      expect(answer.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
    const production = await createServer({
      db,
      env: readApiEnv({ NODE_ENV: 'production', LANTERN_AUDIT_KEY: 'test-audit-key-0123456789abcdef0123' }),
    });
    try {
      const answer = await production.inject({ method: 'GET', url: '/trpc/districts.list' });
      expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(answer.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await production.close();
    }
  });
});

describe('auth.changePassword', () => {
  it('refuses a weak new password, naming the field, and changes nothing', async () => {
    const user = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
    const client = new HttpClient(app);
    await client.mutation('auth.login', { email: user.email, password: user.password });
    const weak = await client.mutation('auth.changePassword', {
      currentPassword: user.password,
      newPassword: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error?.message).toMatch(/^newPassword: is too easy to guess/);
    const short = await client.mutation('auth.changePassword', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(short.body.error?.message).toBe('newPassword: must be at least 12 characters');
    expect(
      (await new HttpClient(app).mutation('auth.login', { email: user.email, password: user.password })).status,
    ).toBe(200);
  });

  it('refuses a wrong current password and counts it as a failed sign-in', async () => {
    const user = await createUser(db, { roles: ['nsd_attendee'], districtCodes: ['E07000174'] });
    const client = new HttpClient(app);
    await client.mutation('auth.login', { email: user.email, password: user.password });
    const wrong = await client.mutation('auth.changePassword', {
      currentPassword: 'not my password at all',
      newPassword: 'marble otter lantern fjord',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.message).toBe('currentPassword: is not your current password');
    const throttle = await db.prisma.loginThrottle.findUnique({ where: { key: `account:${user.email}` } });
    expect(throttle?.failures).toBe(1);
  });

  it('sets the new password and ends the user’s other sessions, keeping this one', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const here = new HttpClient(app);
    const elsewhere = new HttpClient(app);
    await here.mutation('auth.login', { email: user.email, password: user.password });
    await elsewhere.mutation('auth.login', { email: user.email, password: user.password });
    const changed = await here.mutation('auth.changePassword', {
      currentPassword: user.password,
      newPassword: 'marble otter lantern fjord',
    });
    expect(changed.body.result?.data).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect((await here.query('auth.me')).status).toBe(200);
    expect((await elsewhere.query('auth.me')).status).toBe(401);
    expect(
      (await new HttpClient(app).mutation('auth.login', { email: user.email, password: user.password })).status,
    ).toBe(401);
    const relogin = await new HttpClient(app).mutation('auth.login', {
      email: user.email,
      password: 'marble otter lantern fjord',
    });
    expect(relogin.status).toBe(200);
  });
});
