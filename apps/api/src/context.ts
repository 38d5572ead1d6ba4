import type { Database, Principal, SessionPolicy } from '@lantern/db';
import type { ApiEnv } from './env.ts';

/**
 * What every procedure sees. `createContextInner` builds it without HTTP (tests, the caller
 * factory); the Fastify adapter adds the session from the cookie and the cookie writer.
 */
export interface ApiConfig {
  env: ApiEnv;
  session: SessionPolicy;
  /** Name of the session cookie: __Host- prefixed (Secure, path /, no domain) in production. */
  cookieName: string;
}

export interface SessionCookieWriter {
  set(token: string): void;
  clear(): void;
}

export interface Context {
  db: Database;
  config: ApiConfig;
  principal: Principal | null;
  sessionId: string | null;
  client: { ip: string | null; userAgent: string | null };
  cookies: SessionCookieWriter;
}

export interface ContextInnerOptions {
  db: Database;
  config: ApiConfig;
  principal?: Principal | null;
  sessionId?: string | null;
  client?: Context['client'];
  cookies?: SessionCookieWriter;
}

const noCookies: SessionCookieWriter = { set: () => undefined, clear: () => undefined };

export function createContextInner(options: ContextInnerOptions): Context {
  return {
    db: options.db,
    config: options.config,
    principal: options.principal ?? null,
    sessionId: options.sessionId ?? null,
    client: options.client ?? { ip: null, userAgent: null },
    cookies: options.cookies ?? noCookies,
  };
}

export function apiConfig(env: ApiEnv): ApiConfig {
  return {
    env,
    session: { idleMinutes: env.LANTERN_SESSION_IDLE_MINUTES, absoluteHours: env.LANTERN_SESSION_ABSOLUTE_HOURS },
    cookieName: env.NODE_ENV === 'production' ? '__Host-lantern_session' : 'lantern_session',
  };
}
