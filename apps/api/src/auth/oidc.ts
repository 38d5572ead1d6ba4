/**
 * Single sign-on with OpenID Connect (Entra ID and similar): one provider, configured by
 * environment. The routes exist only when the first four variables are set (all four or none).
 *
 *   OIDC_ISSUER          the provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0
 *                        (https; plain http only for a provider on 127.0.0.1/localhost)
 *   OIDC_CLIENT_ID       Lantern's client id at the provider
 *   OIDC_CLIENT_SECRET   its secret (sent with HTTP Basic authentication, client_secret_basic)
 *   OIDC_REDIRECT_URI    https://<lantern host>/auth/oidc/callback, registered at the provider
 *   OIDC_ROLE_MAP        required with the above: comma-separated claimValue=lantern_role pairs,
 *                        e.g. "Lantern.Analyst=police_analyst,Lantern.Officer=district_officer";
 *                        roles: police_analyst, missing_coordinator, district_officer,
 *                        nsd_attendee, admin. A bad pair stops start-up, naming the pair.
 *   OIDC_ROLE_CLAIM      claim holding the user's role values (default "roles"; a JSON array or
 *                        one space-separated string); values the map does not name are ignored
 *   OIDC_DISTRICT_CLAIM  claim holding ONS district codes for the user's scope (default
 *                        "districts"); codes that are not Lantern districts are ignored
 *   OIDC_DEFAULT_AGENCY  agency of users that sign-on creates (default "Single sign-on users";
 *                        created with kind "other" if missing)
 *
 * The flow: GET /auth/oidc/login?returnTo=/path redirects to the provider (authorization code
 * with PKCE, scope "openid email profile"); GET /auth/oidc/callback signs the user in with the
 * same session cookie as a password and redirects to returnTo. The user is found by issuer and
 * subject, else a local user with the same (not unverified) email and no provider link is linked,
 * else one is created. Roles and district scopes are set from the claims at every sign-in (from
 * the ID token, or from userinfo when the ID token lacks the role claim); a user left with no
 * role is refused. Every failure is audited as "login_failed" and sends the browser to
 * /?sso_error=<code> (codes: oidc-flow.ts SsoErrorCode).
 */
import { type Database, oidcLoginLifetimeMinutes } from '@lantern/db';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiConfig, sessionCookieOptions, sessionCookieWriter } from '../context.ts';
import { oidcCallbackPath } from '../env.ts';
import { safeReturnTo } from './oidc-claims.ts';
import { type Client, createOidcFlow, type OidcProcedure, type SsoErrorCode } from './oidc-flow.ts';
import type { OidcSettings } from './oidc-settings.ts';

export interface OidcRoutesOptions {
  db: Database;
  config: ApiConfig;
  oidc: OidcSettings;
}

function clientOf(request: FastifyRequest): Client {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

function queryOf(request: FastifyRequest): URLSearchParams {
  const mark = request.url.indexOf('?');
  return new URLSearchParams(mark === -1 ? '' : request.url.slice(mark + 1));
}

function sendToErrorPage(reply: FastifyReply, error: SsoErrorCode) {
  return reply.redirect(`/?sso_error=${error}`, 303);
}

export const oidcRoutes: FastifyPluginAsync<OidcRoutesOptions> = async (app, { db, config, oidc }) => {
  const flow = createOidcFlow(db, oidc, config.session, app.log);
  // Binds a login to the browser that started it (see the state check in oidc-flow.ts).
  const stateCookie = config.env.NODE_ENV === 'production' ? '__Host-lantern_oidc_state' : 'lantern_oidc_state';
  const stateCookieOptions = sessionCookieOptions(config);

  async function unexpected(reply: FastifyReply, procedure: OidcProcedure, who: Client, error: unknown) {
    app.log.error({ err: error, procedure }, 'single sign-on failed unexpectedly');
    const refusal = await flow.refuse('server_error', procedure, who);
    return sendToErrorPage(reply, refusal.error);
  }

  app.get(oidc.loginPath, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const who = clientOf(request);
    try {
      const requested = queryOf(request).getAll('returnTo');
      const returnTo = requested.length > 1 ? null : safeReturnTo(requested[0]);
      if (returnTo === null) {
        const refusal = await flow.refuse('invalid_return_to', 'auth.oidc.login', who, {
          returnTo: requested.join(' ').slice(0, 200),
        });
        return sendToErrorPage(reply, refusal.error);
      }
      const start = await flow.start(returnTo, who);
      if (!start.ok) return sendToErrorPage(reply, start.error);
      reply.setCookie(stateCookie, start.state, { ...stateCookieOptions, maxAge: oidcLoginLifetimeMinutes * 60 });
      return reply.redirect(start.authorizationUrl.href, 303);
    } catch (error) {
      return unexpected(reply, 'auth.oidc.login', who, error);
    }
  });

  app.get(oidcCallbackPath, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const who = clientOf(request);
    try {
      const boundState = request.cookies[stateCookie];
      reply.clearCookie(stateCookie, stateCookieOptions);
      const outcome = await flow.finish(queryOf(request), boundState, who);
      if (!outcome.ok) return sendToErrorPage(reply, outcome.error);
      sessionCookieWriter(reply, config).set(outcome.sessionToken);
      return reply.redirect(outcome.returnTo, 303);
    } catch (error) {
      return unexpected(reply, 'auth.oidc.callback', who, error);
    }
  });
};
