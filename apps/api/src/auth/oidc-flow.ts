import {
  type AuditInput,
  appendAudit,
  consumeOidcLogin,
  createSession,
  type Database,
  type OidcRefusal,
  type Principal,
  provisionOidcUser,
  type SessionPolicy,
  saveOidcLogin,
} from '@lantern/db';
import * as client from 'openid-client';
import { isLoopbackHttp } from '../env.ts';
import { identityFromClaims } from './oidc-claims.ts';
import type { OidcSettings } from './oidc-settings.ts';

/**
 * The authorization code flow with PKCE against the configured provider, through openid-client,
 * which checks the issuer, audience, signature, nonce and PKCE. Every outcome is audited; a
 * failure is a short code for `/?sso_error=<code>`, never an exception for the route to turn
 * into a 500.
 */
export type SsoErrorCode =
  | 'invalid_return_to'
  | 'provider_unavailable'
  | 'invalid_state'
  | 'expired'
  | 'provider_error'
  | 'token_invalid'
  | 'server_error'
  | OidcRefusal;

export interface Client {
  ip: string | null;
  userAgent: string | null;
}

export type LoginStart = { ok: true; state: string; authorizationUrl: URL } | { ok: false; error: SsoErrorCode };

export type LoginOutcome =
  | { ok: true; sessionToken: string; principal: Principal; returnTo: string }
  | { ok: false; error: SsoErrorCode };

interface Logger {
  error(details: object, message: string): void;
}

const scope = 'openid email profile';

/** How the two routes are named in the audit trail. */
export type OidcProcedure = 'auth.oidc.login' | 'auth.oidc.callback';

export interface OidcFlow {
  /** Stores a fresh state, nonce and PKCE verifier and says where to send the browser. */
  start(returnTo: string, client: Client): Promise<LoginStart>;
  /** Handles the provider's answer: `query` as it arrived, `boundState` from this browser's cookie. */
  finish(query: URLSearchParams, boundState: string | undefined, client: Client): Promise<LoginOutcome>;
  /** Audits a failure found outside the flow (a bad returnTo, an unexpected error) and returns it. */
  refuse(
    error: SsoErrorCode,
    procedure: OidcProcedure,
    client: Client,
    details?: Record<string, unknown>,
  ): Promise<{ ok: false; error: SsoErrorCode }>;
}

export function createOidcFlow(db: Database, oidc: OidcSettings, session: SessionPolicy, log: Logger): OidcFlow {
  // Discovered on first use, not at start-up, so a provider that is down does not stop Lantern;
  // a failed discovery is forgotten so the next sign-in tries again.
  let discovered: Promise<client.Configuration> | undefined;
  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(oidc.issuer, oidc.clientId, undefined, client.ClientSecretBasic(oidc.clientSecret), {
        execute: isLoopbackHttp(oidc.issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  async function fail(
    error: SsoErrorCode,
    procedure: OidcProcedure,
    who: Client,
    details: Record<string, unknown> = {},
  ): Promise<{ ok: false; error: SsoErrorCode }> {
    try {
      await db.prisma.$transaction((tx) =>
        appendAudit(tx, failedLogin(procedure, null, { method: 'oidc', error, ip: who.ip, ...details })),
      );
    } catch (auditError) {
      log.error({ err: auditError }, 'could not audit a failed single sign-on');
    }
    return { ok: false, error };
  }

  return {
    refuse: fail,

    async start(returnTo, who) {
      let config: client.Configuration;
      try {
        config = await configuration();
      } catch (error) {
        log.error({ err: error }, 'single sign-on provider discovery failed');
        return fail('provider_unavailable', 'auth.oidc.login', who);
      }
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await saveOidcLogin(db.prisma, { state, nonce, codeVerifier, returnTo });
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: oidc.redirectUri.href,
        scope,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { ok: true, state, authorizationUrl };
    },

    async finish(query, boundState, who) {
      const procedure: OidcProcedure = 'auth.oidc.callback';
      const state = query.get('state');
      if (!state) return fail('invalid_state', procedure, who, { problem: 'no state in the answer' });
      // Used up before anything else, so a state never answers twice, even after a failure.
      const consumed = await consumeOidcLogin(db.prisma, state);
      if (consumed.status === 'unknown') {
        return fail('invalid_state', procedure, who, { problem: 'unknown or already used state' });
      }
      // The state must come back to the browser that asked for it; otherwise someone could send
      // a victim the callback link of their own sign-in and have the victim work as them.
      if (boundState !== state) {
        return fail('invalid_state', procedure, who, { problem: 'state not issued to this browser' });
      }
      if (consumed.status === 'expired') return fail('expired', procedure, who);
      const { login } = consumed;

      let config: client.Configuration;
      try {
        config = await configuration();
      } catch (error) {
        log.error({ err: error }, 'single sign-on provider discovery failed');
        return fail('provider_unavailable', procedure, who);
      }
      let claims: Record<string, unknown>;
      let issuer: string;
      try {
        const callbackUrl = new URL(oidc.redirectUri);
        callbackUrl.search = query.toString();
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: login.codeVerifier,
          expectedNonce: login.nonce,
          expectedState: login.state,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) return fail('token_invalid', procedure, who, { problem: 'no ID token' });
        issuer = idToken.iss;
        claims = { ...idToken };
        // Entra ID puts roles in the ID token; other providers release extra claims only from
        // the userinfo endpoint. The ID token's own claims win where both have one.
        if (!(oidc.roleClaim in claims) && config.serverMetadata().userinfo_endpoint) {
          const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...userinfo, ...idToken };
        }
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) {
          return fail('provider_error', procedure, who, {
            providerError: error.error,
            description: error.error_description?.slice(0, 200) ?? null,
          });
        }
        log.error({ err: error }, 'single sign-on token exchange or validation failed');
        return fail('token_invalid', procedure, who, describeFailure(error));
      }

      const identity = identityFromClaims(claims, issuer, oidc);
      const account = { subject: identity.subject, email: identity.email };
      const outcome = await db.prisma.$transaction(async (tx) => {
        const signIn = await provisionOidcUser(tx, identity, oidc.defaultAgency);
        if (signIn.status === 'refused') {
          const details = { method: 'oidc', error: signIn.reason, ip: who.ip, ...account };
          await appendAudit(tx, failedLogin(procedure, signIn.userId, details));
          return signIn;
        }
        const sessionToken = await createSession(tx, signIn.principal.id, 'oidc', session, who);
        await appendAudit(tx, {
          userId: signIn.principal.id,
          role: signIn.principal.roles[0] ?? null,
          action: 'login',
          procedure,
          recordType: null,
          recordIds: [],
          reason: null,
          details: { method: 'oidc', ip: who.ip, created: signIn.created, linked: signIn.linked, ...account },
        });
        return { ...signIn, sessionToken };
      });
      if (outcome.status === 'refused') return { ok: false, error: outcome.reason };
      return { ok: true, sessionToken: outcome.sessionToken, principal: outcome.principal, returnTo: login.returnTo };
    },
  };
}

function failedLogin(procedure: string, userId: string | null, details: Record<string, unknown>): AuditInput {
  return {
    userId,
    role: null,
    action: 'login_failed',
    procedure,
    recordType: null,
    recordIds: [],
    reason: null,
    details,
  };
}

/** What went wrong in the exchange, for the audit trail: openid-client's most specific message. */
function describeFailure(error: unknown): Record<string, unknown> {
  if (error instanceof client.ResponseBodyError) {
    return { problem: 'the token endpoint refused the code', code: error.code, providerError: error.error };
  }
  if (error instanceof client.ClientError) {
    const specific = error.cause instanceof Error ? error.cause.message : error.message;
    return { problem: specific.slice(0, 200), code: error.code ?? null };
  }
  return { problem: error instanceof Error ? error.message.slice(0, 200) : 'unknown', code: null };
}
