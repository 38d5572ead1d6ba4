import type { Database } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, signedInClient, testServer } from '../support/api.ts';
import { createAgency, createPersonRecord, createUser, testPassword } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Administration (issue 18) over HTTP, as the web app calls it: accounts an admin creates can
 * sign in, a disabled account and a reset password end the account's sessions, a change of
 * districts applies at the user's next request, and the audit viewer shows who read a record.
 */
const mansfield = 'E07000174';
const ashfield = 'E07000170';

let db: Database;
let app: FastifyInstance;
let admin: HttpClient;
beforeAll(async () => {
  db = await createTestDatabase();
  app = await testServer(db);
  admin = await signedInClient(app, db, { roles: ['admin'] });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

type Data = Record<string, unknown>;
const dataOf = (result: { body: { result?: { data: unknown } } }) => result.body.result?.data as Data;

async function signIn(email: string, password: string) {
  const client = new HttpClient(app);
  const login = await client.mutation('auth.login', { email, password });
  return { client, status: login.status };
}

async function userRow(id: string) {
  const listed = dataOf(await admin.query('users.list', {})) as { users: Array<{ id: string; version: number }> };
  const user = listed.users.find((candidate) => candidate.id === id);
  if (!user) throw new Error(`users.list does not list ${id}`);
  return user;
}

describe('users', () => {
  it('creates an account with a generated password that signs in with its roles and districts', async () => {
    const agency = await createAgency(db, 'district_council');
    const created = await admin.mutation('users.create', {
      email: 'New.Officer@Lantern.test',
      displayName: 'New Officer',
      agencyId: agency.id,
      roles: ['district_officer'],
      districtCodes: [mansfield],
    });
    expect(created.status).toBe(200);
    const { user, generatedPassword } = dataOf(created) as { user: Data; generatedPassword: string };
    expect(user).toMatchObject({ email: 'new.officer@lantern.test', roles: ['district_officer'], version: 1 });
    expect(generatedPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const { client, status } = await signIn('new.officer@lantern.test', generatedPassword);
    expect(status).toBe(200);
    expect(dataOf(await client.query('auth.me'))).toMatchObject({
      displayName: 'New Officer',
      agency: agency.name,
      roles: ['district_officer'],
      districtCodes: [mansfield],
    });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: String(user.id) } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const [event] = await db.prisma.auditEvent.findMany({
      where: { recordIds: { has: String(user.id) }, action: 'create' },
      select: { procedure: true, details: true },
    });
    expect(event?.procedure).toBe('users.create');
    expect(JSON.stringify(event?.details)).not.toContain(generatedPassword);
  });

  it('refuses a weak chosen password, naming the field, and creates nothing', async () => {
    const agency = await createAgency(db);
    const email = 'weak.password@lantern.test';
    const created = await admin.mutation('users.create', {
      email,
      displayName: 'Weak',
      agencyId: agency.id,
      roles: ['police_analyst'],
      password: 'password1234',
    });
    expect(created.status).toBe(400);
    expect(created.body.error?.message).toMatch(/^password: is too easy to guess/);
    expect(await db.prisma.user.count({ where: { email } })).toBe(0);
  });

  it('refuses a district role without a district', async () => {
    const agency = await createAgency(db);
    const created = await admin.mutation('users.create', {
      email: 'no.district@lantern.test',
      displayName: 'No District',
      agencyId: agency.id,
      roles: ['nsd_attendee'],
    });
    expect(created.status).toBe(400);
    expect(created.body.error?.message).toBe(
      'districtCodes: must name at least one district for the role nsd_attendee (it sees only its districts)',
    );
  });

  it('disables an account: its session ends and it cannot sign in until enabled again', async () => {
    const target = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const { client } = await signIn(target.email, target.password);
    expect((await client.query('auth.me')).status).toBe(200);

    const disabled = await admin.mutation('users.update', { id: target.id, version: 1, changes: { disabled: true } });
    expect(dataOf(disabled)).toMatchObject({ disabled: true, version: 2 });
    expect((await client.query('auth.me')).status).toBe(401);
    expect((await signIn(target.email, target.password)).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: target.id, endedAt: null } })).toBe(0);

    await admin.mutation('users.update', { id: target.id, version: 2, changes: { disabled: false } });
    expect((await signIn(target.email, target.password)).status).toBe(200);
  });

  it('resets a password: the old one fails, the new one works, and old sessions end', async () => {
    const target = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
    const { client } = await signIn(target.email, target.password);
    const chosen = 'violin heron lantern quarry';
    const reset = await admin.mutation('users.resetPassword', { id: target.id, version: 1, password: chosen });
    expect(dataOf(reset)).toMatchObject({ generatedPassword: null, sessionsEnded: 1, user: { version: 2 } });
    expect((await client.query('auth.me')).status).toBe(401);
    expect((await signIn(target.email, testPassword)).status).toBe(401);
    expect((await signIn(target.email, chosen)).status).toBe(200);
  });

  it('changes districts: the signed-in user sees the new scope at their next request', async () => {
    const target = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const child = await createPersonRecord(db, { homeDistrictCode: ashfield });
    const { client } = await signIn(target.email, target.password);
    expect((await client.query('people.get', { id: child.id, reason: 'scope test' })).status).toBe(404);

    const changed = await admin.mutation('users.update', {
      id: target.id,
      version: 1,
      changes: { districtCodes: [ashfield] },
    });
    expect(changed.status).toBe(200);
    expect(dataOf(await client.query('auth.me'))).toMatchObject({ districtCodes: [ashfield] });
    expect((await client.query('people.get', { id: child.id, reason: 'scope test' })).status).toBe(200);
    const [event] = await db.prisma.auditEvent.findMany({
      where: { recordIds: { has: target.id }, procedure: 'users.update' },
      select: { details: true },
    });
    expect(event?.details).toMatchObject({
      fields: ['districtCodes'],
      before: { districtCodes: [mansfield] },
      after: { districtCodes: [ashfield] },
    });
  });

  it('refuses a change against a stale version with CONFLICT and changes nothing', async () => {
    const target = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    await admin.mutation('users.update', { id: target.id, version: 1, changes: { displayName: 'First' } });
    const stale = await admin.mutation('users.update', {
      id: target.id,
      version: 1,
      changes: { displayName: 'Second' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toBe(
      `version: user ${target.email} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    );
    expect(await userRow(target.id)).toMatchObject({ displayName: 'First', version: 2 });
    const staleReset = await admin.mutation('users.resetPassword', { id: target.id, version: 1 });
    expect(staleReset.status).toBe(409);
    expect((await signIn(target.email, target.password)).status).toBe(200);
  });

  it('will not let an admin disable their own account or drop their own admin role', async () => {
    const me = dataOf(await admin.query('auth.me')) as { id: string };
    const { version } = await userRow(me.id);
    const disable = await admin.mutation('users.update', { id: me.id, version, changes: { disabled: true } });
    expect(disable.status).toBe(400);
    expect(disable.body.error?.message).toBe('changes.disabled: you cannot disable your own account');
    const demote = await admin.mutation('users.update', { id: me.id, version, changes: { roles: ['police_analyst'] } });
    expect(demote.body.error?.message).toBe('changes.roles: you cannot remove the admin role from your own account');
  });

  it('refuses every other role', async () => {
    for (const role of ['police_analyst', 'missing_coordinator', 'district_officer', 'nsd_attendee'] as const) {
      const client = await signedInClient(app, db, { roles: [role], districtCodes: [mansfield] });
      const listed = await client.query('users.list', {});
      expect(listed.status, role).toBe(403);
      expect((await client.query('audit.search', {})).status, role).toBe(403);
      expect((await client.query('audit.verify')).status, role).toBe(403);
    }
  });
});

describe('audit viewer', () => {
  it('lists a read of a person by another user, and pages', async () => {
    const child = await createPersonRecord(db, { homeDistrictCode: mansfield });
    const analyst = await createUser(db, { roles: ['police_analyst'] });
    const { client } = await signIn(analyst.email, analyst.password);
    for (let read = 0; read < 3; read += 1) {
      expect((await client.query('people.get', { id: child.id, reason: 'strategy meeting' })).status).toBe(200);
    }

    const first = dataOf(await admin.query('audit.search', { recordType: 'person', recordId: child.id, limit: 2 })) as {
      events: Array<Data>;
      nextBefore: string | null;
    };
    expect(first.events).toHaveLength(2);
    expect(first.events[0]).toMatchObject({
      userId: analyst.id,
      email: analyst.email,
      role: 'police_analyst',
      action: 'read',
      procedure: 'people.get',
      reason: 'strategy meeting',
      recordType: 'person',
      recordIds: [child.id],
    });
    expect(first.nextBefore).toBe(first.events[1]?.seq);
    const second = dataOf(
      await admin.query('audit.search', { recordId: child.id, before: first.nextBefore, limit: 2 }),
    ) as { events: Array<Data>; nextBefore: string | null };
    expect(second.events.map((event) => event.procedure)).toEqual(['people.get']);
    expect(second.nextBefore).toBeNull();

    const byUser = dataOf(await admin.query('audit.search', { userId: analyst.id, action: 'login' })) as {
      events: Array<Data>;
    };
    expect(byUser.events.map((event) => event.action)).toEqual(['login']);
    const future = dataOf(await admin.query('audit.search', { recordId: child.id, from: '2099-01-01' })) as {
      events: unknown[];
    };
    expect(future.events).toEqual([]);
  });

  it('verifies the chain as `lantern audit verify` does', async () => {
    const intact = dataOf(await admin.query('audit.verify'));
    expect(intact).toMatchObject({ ok: true, brokenAt: null, problem: null });
    expect(intact.events).toBeGreaterThan(0);
  });
});

describe('tactic catalogue', () => {
  it('adds a tactic everyone then sees, and refuses a code already used', async () => {
    const tactic = {
      code: 'street_pastors',
      name: 'Street pastors',
      theme: 'locations_of_specific_concern',
      legalBasis: 'Voluntary partnership',
      holderAgencyKinds: ['charity'],
      targetTypes: ['place'],
      needsConviction: false,
      needsCourt: false,
      maxDurationDays: null,
      guidance: 'Volunteers on the night-time economy.',
    };
    const created = await admin.mutation('tactics.create', tactic);
    expect(created.status).toBe(200);
    const officer = await signedInClient(app, db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const listed = dataOf(await officer.query('tactics.list', {})) as { tactics: Array<{ code: string }> };
    expect(listed.tactics.map((row) => row.code)).toContain('street_pastors');

    const again = await admin.mutation('tactics.create', { ...tactic, name: 'Street pastors again' });
    expect(again.status).toBe(400);
    expect(again.body.error?.message).toBe('code: a tactic with the code "street_pastors" already exists');
  });
});
