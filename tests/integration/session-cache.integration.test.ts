import { createServer, readApiEnv } from '@lantern/api';
import {
  type CachedSession,
  type ChannelHandlers,
  type Database,
  type Listening,
  principalChannel,
  resolveSession,
  SessionCache,
} from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/api.ts';
import { createUser, createUserWithSession } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * Checked sessions kept in process (issue 17): a request need not read its session again, yet a
 * change to who may do what (a session ended, a user disabled, a role, a district or an agency
 * changed) is heard through the database's notifications and forgets them all. The caches here
 * trust a session for ten minutes, so only the announcement can make a change show in time.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const policy = { idleMinutes: 30, absoluteHours: 12 };
const tenMinutes = 600_000;

/** A cache that listens on the principal channel, as the server's does. */
async function listeningCache(reconnect?: { retryMs: number }) {
  const cache = new SessionCache<CachedSession>({ ttlMs: tenMinutes });
  const listening = await db.listen(
    principalChannel,
    {
      ready: () => cache.setListening(true),
      notified: () => cache.forgetAll(),
      lost: () => cache.setListening(false),
    },
    reconnect,
  );
  expect(cache.enabled).toBe(true);
  return { cache, listening };
}

const signedIn = (options: Parameters<typeof createUser>[1] = { roles: ['district_officer'] }) =>
  createUserWithSession(db, policy, options);

/** Waits until `check` holds, for at most 10 s (a notification takes milliseconds). */
async function eventually(check: () => Promise<boolean> | boolean): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the change was not heard within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('kept sessions', () => {
  it('answers a kept session without reading it: a change that is not announced does not show', async () => {
    const { cache, listening } = await listeningCache();
    try {
      const { token } = await signedIn();
      const first = await resolveSession(db.sql, token, policy, cache);
      expect(first?.versions).toBeDefined();
      // Seen 40 minutes ago: idle past the limit, were the row read. Marking a session as seen
      // is not announced, so the kept session still answers, without the data versions (they
      // are read where needed), and with the same principal.
      await db.sql.query(`UPDATE session SET last_seen_at = now() - interval '40 minutes' WHERE id = $1`, [
        first?.sessionId,
      ]);
      const kept = await resolveSession(db.sql, token, policy, cache);
      expect(kept).toEqual({ sessionId: first?.sessionId, principal: first?.principal, versions: undefined });
      expect(await resolveSession(db.sql, token, policy)).toBeNull();
    } finally {
      await listening.close();
    }
  });

  it.each([
    ['the session ended', (userId: string) => `UPDATE session SET ended_at = now() WHERE user_id = '${userId}'`],
    ['the user disabled', (userId: string) => `UPDATE app_user SET disabled_at = now() WHERE id = '${userId}'`],
    ['the session expired', (userId: string) => `UPDATE session SET expires_at = now() WHERE user_id = '${userId}'`],
  ])('stops answering for a session once it hears %s', async (_change, statement) => {
    const { cache, listening } = await listeningCache();
    try {
      const { user, token } = await signedIn();
      expect(await resolveSession(db.sql, token, policy, cache)).not.toBeNull();
      expect(await resolveSession(db.sql, token, policy, cache)).not.toBeNull();
      await db.sql.query(statement(user.id));
      await eventually(async () => (await resolveSession(db.sql, token, policy, cache)) === null);
    } finally {
      await listening.close();
    }
  });

  it('gives the new principal once it hears a role, a district or the agency change', async () => {
    const { cache, listening } = await listeningCache();
    try {
      const { user, token } = await signedIn({ roles: ['police_analyst'], districtCodes: ['E07000170'] });
      const principal = async () => (await resolveSession(db.sql, token, policy, cache))?.principal;
      expect(await principal()).toMatchObject({ roles: ['police_analyst'], districtCodes: ['E07000170'] });

      await db.sql.query(`DELETE FROM user_role WHERE user_id = $1`, [user.id]);
      await db.sql.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'nsd_attendee')`, [user.id]);
      await eventually(async () => (await principal())?.roles.join() === 'nsd_attendee');

      await db.sql.query(`INSERT INTO user_district_scope (user_id, district_code) VALUES ($1, 'E07000174')`, [
        user.id,
      ]);
      await eventually(async () => (await principal())?.districtCodes.join() === 'E07000170,E07000174');

      await db.sql.query(`UPDATE agency SET name = name || ' (renamed)' WHERE id = $1`, [user.agencyId]);
      await eventually(async () => (await principal())?.agency === `${user.agency} (renamed)`);
    } finally {
      await listening.close();
    }
  });

  it('keeps nothing while it does not listen, and keeps again once it listens again', async () => {
    const { cache, listening } = await listeningCache({ retryMs: 50 });
    try {
      const { token } = await signedIn();
      await resolveSession(db.sql, token, policy, cache);
      if (db.backend === 'postgres') {
        // The listening connection ends (a restart, a network fault): nothing kept is trusted
        // until it listens again, on a new connection, and hears changes as before.
        await db.sql.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE application_name = 'lantern-listen' AND datname = current_database()`,
        );
        await eventually(() => !cache.enabled);
        expect(cache.find((await resolveSession(db.sql, token, policy))?.sessionId ?? '')).toBeUndefined();
        await eventually(() => cache.enabled);
      } else {
        // One process holds the embedded database, and its listener cannot be cut off.
        cache.setListening(false);
        expect(await resolveSession(db.sql, token, policy, cache)).not.toBeNull();
        expect(cache.find((await resolveSession(db.sql, token, policy))?.sessionId ?? '')).toBeUndefined();
        cache.setListening(true);
      }
      const again = await resolveSession(db.sql, token, policy, cache);
      expect(cache.find(again?.sessionId ?? '')).toBeDefined();
      await db.sql.query(`UPDATE session SET ended_at = now() WHERE id = $1`, [again?.sessionId]);
      await eventually(async () => (await resolveSession(db.sql, token, policy, cache)) === null);
    } finally {
      await listening.close();
    }
  });
});

describe('kept sessions behind the API', () => {
  /** The database, except that its notifications never arrive: what the server keeps stays kept. */
  function deaf(database: Database): Database {
    return {
      ...database,
      listen: async (_channel: string, handlers: ChannelHandlers): Promise<Listening> => {
        handlers.ready();
        return { close: async () => undefined };
      },
    };
  }

  it('holds a sign-out from the next request on the same server, without waiting for the announcement', async () => {
    const app = await createServer({
      db: deaf(db),
      env: readApiEnv({ NODE_ENV: 'test', LANTERN_SESSION_CACHE_MS: String(60_000) }),
    });
    try {
      const user = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
      const client = new HttpClient(app);
      await client.mutation('auth.login', { email: user.email, password: user.password });
      const cookie = client.cookie;
      expect((await client.query('auth.me')).status).toBe(200);
      expect((await client.query('auth.me')).status).toBe(200);

      expect((await client.mutation('auth.logout')).status).toBe(200);
      const replay = new HttpClient(app);
      replay.cookie = cookie;
      expect((await replay.query('auth.me')).status).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('reads the session on every request with LANTERN_SESSION_CACHE_MS=0', async () => {
    const app = await createServer({
      db: deaf(db),
      env: readApiEnv({ NODE_ENV: 'test', LANTERN_SESSION_CACHE_MS: '0' }),
    });
    try {
      const user = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
      const client = new HttpClient(app);
      await client.mutation('auth.login', { email: user.email, password: user.password });
      expect((await client.query('auth.me')).status).toBe(200);
      // Not announced (the database is deaf here), and still refused at once: nothing was kept.
      await db.sql.query(`UPDATE session SET ended_at = now() WHERE user_id = $1`, [user.id]);
      expect((await client.query('auth.me')).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
