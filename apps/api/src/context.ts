import type { AppContext } from '@lantern/app';
import type { CachedSession, Database, DataVersions, Principal, SessionCache, SessionPolicy } from '@lantern/db';
import type { FastifyReply } from 'fastify';
import { type OidcSettings, oidcSettings } from './auth/oidc-settings.ts';
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
  /** Single sign-on, when the OIDC_* variables configure it. */
  oidc: OidcSettings | null;
}

export interface SessionCookieWriter {
  set(token: string): void;
  clear(): void;
}

export interface Context extends AppContext {
  db: Database;
  config: ApiConfig;
  principal: Principal | null;
  sessionId: string | null;
  client: { ip: string | null; userAgent: string | null };
  cookies: SessionCookieWriter;
  /** The server's checked sessions: a mutation forgets them (trpc.ts). Absent without a server. */
  sessions: SessionCache<CachedSession> | undefined;
}

export interface ContextInnerOptions {
  db: Database;
  config: ApiConfig;
  principal?: Principal | null;
  sessionId?: string | null;
  versions?: DataVersions | undefined;
  client?: Context['client'];
  cookies?: SessionCookieWriter;
  sessions?: SessionCache<CachedSession> | undefined;
}

const noCookies: SessionCookieWriter = { set: () => undefined, clear: () => undefined };

export function createContextInner(options: ContextInnerOptions): Context {
  return {
    db: options.db,
    config: options.config,
    principal: options.principal ?? null,
    sessionId: options.sessionId ?? null,
    versions: options.versions,
    client: options.client ?? { ip: null, userAgent: null },
    cookies: options.cookies ?? noCookies,
    sessions: options.sessions,
  };
}

export function apiConfig(env: ApiEnv): ApiConfig {
  return {
    env,
    session: { idleMinutes: env.LANTERN_SESSION_IDLE_MINUTES, absoluteHours: env.LANTERN_SESSION_ABSOLUTE_HOURS },
    cookieName: env.NODE_ENV === 'production' ? '__Host-lantern_session' : 'lantern_session',
    oidc: oidcSettings(env),
  };
}

/** Attributes of the session cookie, the same whichever way the user signed in. */
export function sessionCookieOptions(config: ApiConfig) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: config.env.NODE_ENV === 'production', path: '/' };
}

export function sessionCookieWriter(reply: FastifyReply, config: ApiConfig): SessionCookieWriter {
  const options = sessionCookieOptions(config);
  return {
    set: (token) => {
      reply.setCookie(config.cookieName, token, { ...options, maxAge: config.session.absoluteHours * 3600 });
    },
    clear: () => {
      reply.clearCookie(config.cookieName, options);
    },
  };
}
