import {
  bumpDataVersion,
  type Database,
  districtCountsVersion,
  findPrincipal,
  resolveSession,
  tileDataVersion,
} from '@lantern/db';
import { tileLayers } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type createUser, createUserWithSession } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * `resolveSession` reads the session and its principal in one statement (issue 17): it must
 * refuse exactly what the nested Prisma read refused (unknown, ended, disabled, past the absolute
 * or the idle limit) and give the same principal. Times are set in the rows, not waited for.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const policy = { idleMinutes: 30, absoluteHours: 12 };
async function signedIn(options: Parameters<typeof createUser>[1] = { roles: ['district_officer'] }) {
  const { user, token } = await createUserWithSession(db, policy, options);
  const sessionId = (await resolveSession(db.sql, token, policy))?.sessionId;
  if (!sessionId) throw new Error('a new session did not resolve');
  return { user, token, sessionId };
}

/** Moves a session's times `minutes` into the past (negative: the future). */
async function setTimes(sessionId: string, times: { lastSeenMinutesAgo?: number; expiresMinutesAgo?: number }) {
  if (times.lastSeenMinutesAgo !== undefined) {
    await db.sql.query(`UPDATE session SET last_seen_at = now() - make_interval(mins => $2) WHERE id = $1`, [
      sessionId,
      times.lastSeenMinutesAgo,
    ]);
  }
  if (times.expiresMinutesAgo !== undefined) {
    await db.sql.query(`UPDATE session SET expires_at = now() - make_interval(mins => $2) WHERE id = $1`, [
      sessionId,
      times.expiresMinutesAgo,
    ]);
  }
}

async function lastSeenAt(sessionId: string): Promise<Date> {
  const row = await db.prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeenAt: true } });
  return row.lastSeenAt;
}

describe('resolveSession', () => {
  it('gives the principal that the Prisma read of the user gives: roles in role order, districts sorted, the agency', async () => {
    const { user, token } = await signedIn({
      roles: ['nsd_attendee', 'police_analyst', 'district_officer'],
      districtCodes: ['E07000176', 'E07000170', 'E07000174'],
    });
    const resolved = await resolveSession(db.sql, token, policy);
    expect(resolved?.principal).toEqual(await findPrincipal(db.prisma, { email: user.email }));
    expect(resolved?.principal).toMatchObject({
      roles: ['police_analyst', 'district_officer', 'nsd_attendee'],
      districtCodes: ['E07000170', 'E07000174', 'E07000176'],
      agencyKind: 'police',
    });
  });

  it('reads, in the same statement, the data versions committed at that moment', async () => {
    const { token } = await signedIn();
    const before = (await resolveSession(db.sql, token, policy))?.versions;
    expect(before).toEqual({
      tiles: Object.fromEntries(
        await Promise.all(tileLayers.map(async (layer) => [layer, await tileDataVersion(db.sql, layer)])),
      ),
      readModels: { 'district-counts': await districtCountsVersion(db.sql) },
    });
    await bumpDataVersion(db.sql, 'intelligence');
    const after = (await resolveSession(db.sql, token, policy))?.versions;
    expect(BigInt(after?.tiles.intelligence ?? 0)).toBe(BigInt(before?.tiles.intelligence ?? 0) + 1n);
    expect(after?.tiles.crime).toBe(before?.tiles.crime);
  });

  it('gives a user without districts an empty list', async () => {
    const { token } = await signedIn({ roles: ['admin'] });
    expect((await resolveSession(db.sql, token, policy))?.principal.districtCodes).toEqual([]);
  });

  it('refuses an unknown token', async () => {
    expect(await resolveSession(db.sql, 'not-a-token-anyone-was-given', policy)).toBeNull();
  });

  it('refuses an ended session', async () => {
    const { token, sessionId } = await signedIn();
    await db.prisma.session.update({ where: { id: sessionId }, data: { endedAt: new Date() } });
    expect(await resolveSession(db.sql, token, policy)).toBeNull();
  });

  it('refuses the session of a disabled account', async () => {
    const { user, token } = await signedIn();
    await db.prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(db.sql, token, policy)).toBeNull();
  });

  it('refuses a session past its absolute expiry, however recently used', async () => {
    const { token, sessionId } = await signedIn();
    await setTimes(sessionId, { lastSeenMinutesAgo: 0, expiresMinutesAgo: 1 });
    expect(await resolveSession(db.sql, token, policy)).toBeNull();
  });

  it('refuses a session idle for longer than the idle limit, and does not revive it', async () => {
    const { token, sessionId } = await signedIn();
    await setTimes(sessionId, { lastSeenMinutesAgo: policy.idleMinutes + 1 });
    const before = await lastSeenAt(sessionId);
    expect(await resolveSession(db.sql, token, policy)).toBeNull();
    expect(await lastSeenAt(sessionId)).toEqual(before);
  });

  it('keeps a session idle for less than the limit alive and marks it seen now', async () => {
    const { token, sessionId } = await signedIn();
    await setTimes(sessionId, { lastSeenMinutesAgo: policy.idleMinutes - 1 });
    const before = await lastSeenAt(sessionId);
    expect((await resolveSession(db.sql, token, policy))?.sessionId).toBe(sessionId);
    const after = await lastSeenAt(sessionId);
    expect(after.getTime() - before.getTime()).toBeGreaterThan((policy.idleMinutes - 2) * 60_000);
  });

  it('does not write when the session was seen within the last minute', async () => {
    const { token, sessionId } = await signedIn();
    const before = await lastSeenAt(sessionId);
    expect((await resolveSession(db.sql, token, policy))?.sessionId).toBe(sessionId);
    expect(await lastSeenAt(sessionId)).toEqual(before);
  });

  it('sees a role granted after sign-in on the next request (nothing about the user is kept)', async () => {
    const { user, token } = await signedIn({ roles: ['district_officer'], districtCodes: ['E07000170'] });
    await db.prisma.userRole.create({ data: { userId: user.id, role: 'missing_coordinator' } });
    await db.prisma.userDistrictScope.delete({
      where: { userId_districtCode: { userId: user.id, districtCode: 'E07000170' } },
    });
    expect((await resolveSession(db.sql, token, policy))?.principal).toMatchObject({
      roles: ['missing_coordinator', 'district_officer'],
      districtCodes: [],
    });
  });
});
