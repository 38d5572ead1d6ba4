import fastifyCookie from '@fastify/cookie';
import { closeAnalyticsPool } from '@lantern/app';
import {
  type CachedSession,
  closePoliceUkReaders,
  type Database,
  developmentAuditKey,
  principalChannel,
  resolveSession,
  SessionCache,
  startAuditSealer,
  startTableMaintenance,
} from '@lantern/db';
import { maxCallsPerBatch, maxRequestBytes } from '@lantern/domain';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { oidcRoutes } from './auth/oidc.ts';
import { type ApiConfig, apiConfig, type Context, createContextInner, sessionCookieWriter } from './context.ts';
import { type ApiEnv, readApiEnv } from './env.ts';
import { createLogger, type LogOptions, newRequestId } from './logging.ts';
import { type AppRouter, appRouter } from './routers/index.ts';
import { registerBoundaryRoutes } from './routes/boundaries.ts';
import { registerTileRoutes } from './routes/tiles.ts';
import { findWebAppDist, registerWebApp } from './routes/web-app.ts';

/**
 * Builds the HTTP server without listening, so tests drive it with `inject` and the CLI decides
 * where it listens. tRPC at /trpc, health at /healthz; tiles and the web app mount here as they land.
 */
export interface ServerOptions {
  db: Database;
  env?: ApiEnv;
  /** The log (apps/api/src/logging.ts): `false` for none (tests), or where and how to write it. */
  log?: false | LogOptions;
  /** The built web app to serve at `/`; null for none. Default: apps/web/dist when it is built. */
  webRoot?: string | null;
}

/** Browsers cannot add this header to a cross-site request without a CORS preflight, which fails. */
export const csrfHeader = 'x-lantern-csrf';

function clientOf(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** Where the browser may fetch a configured basemap from: the style's origin and the listed ones. */
function basemapOrigins(env: ApiEnv): string[] {
  const style = env.LANTERN_BASEMAP_STYLE_URL ? [new URL(env.LANTERN_BASEMAP_STYLE_URL).origin] : [];
  return [...new Set([...style, ...env.LANTERN_BASEMAP_ORIGINS.map((origin) => new URL(origin).origin)])];
}

/**
 * Why an API request must be refused as cross-site, or null: it lacks the custom header (which a
 * browser cannot add cross-site without a preflight that fails), or its browser names an origin
 * that is neither this server nor an allowed one. `Origin: null` (sandboxed frames, file pages)
 * and an origin that is not a URL are foreign origins too.
 */
function crossSiteRefusal(request: FastifyRequest, env: ApiEnv): string | null {
  const origin = request.headers.origin;
  if (
    origin !== undefined &&
    !isOwnOrigin(origin, request.headers.host) &&
    !env.LANTERN_ALLOWED_ORIGINS.includes(origin)
  ) {
    return `Requests from origin ${JSON.stringify(origin)} are not allowed`;
  }
  if (request.headers[csrfHeader] === undefined) return `Missing the ${csrfHeader} header required on API requests`;
  return null;
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined || !URL.canParse(origin)) return false;
  return new URL(origin).host === host;
}

export async function createServer({
  db,
  env = readApiEnv(),
  log = false,
  webRoot = findWebAppDist(),
}: ServerOptions): Promise<FastifyInstance> {
  const config: ApiConfig = apiConfig(env);
  const production = env.NODE_ENV === 'production';
  const app = Fastify({
    ...(log === false ? {} : { loggerInstance: createLogger(log) }),
    genReqId: newRequestId,
    trustProxy: env.LANTERN_TRUST_PROXY,
    routerOptions: { maxParamLength: 5000 },
  });

  // A checked session is kept for a moment (LANTERN_SESSION_CACHE_MS), only while this process
  // hears every change to users and sessions (it starts listening below, once the routes are
  // registered); a lost listener reads sessions until it hears again.
  const sessions = new SessionCache<CachedSession>({ ttlMs: env.LANTERN_SESSION_CACHE_MS });

  await app.register(fastifyCookie);
  // Helmet's security headers on every answer, its middleware built once (@fastify/helmet built
  // it again for every request, parsing the policy each time).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", ...basemapOrigins(env)],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production,
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    // Helmet checks its options when built, above; setting the headers cannot fail.
    securityHeaders(request.raw, reply.raw, () => done());
  });

  // The tRPC routes live in their own encapsulated context, so the cross-site guard is a hook on
  // exactly the routes the router matched: `/%74rpc/…` or any other spelling Fastify routes to
  // them gets the same check, which a test of the raw URL would miss.
  await app.register(async (api) => {
    // Bodies up to what the largest valid input needs (a 5 MB CSV import, a profile with its
    // photo); beyond that a 413 that says the limit, in the API's own error shape.
    api.addHook('onRoute', (route) => {
      route.bodyLimit = maxRequestBytes;
    });
    api.setErrorHandler((error, _request, reply) => {
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        const limit = `${(maxRequestBytes / 1_048_576).toFixed(1)} MiB`;
        return reply.code(413).send({
          error: { message: `The request is larger than the server accepts (at most ${limit}); send less at once` },
        });
      }
      return reply.send(error);
    });
    api.addHook('onRequest', async (request, reply) => {
      const refusal = crossSiteRefusal(request, env);
      if (refusal) return reply.code(403).send({ error: { message: refusal } });
    });
    await api.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        // One HTTP request may carry at most this many calls (the web client batches no more).
        maxBatchSize: maxCallsPerBatch,
        async createContext({ req, res }): Promise<Context> {
          const token = req.cookies[config.cookieName];
          const session = token ? await resolveSession(db.sql, token, config.session, sessions) : null;
          return createContextInner({
            db,
            config,
            principal: session?.principal ?? null,
            sessionId: session?.sessionId ?? null,
            versions: session?.versions,
            client: clientOf(req),
            cookies: sessionCookieWriter(res, config),
            sessions,
          });
        },
        onError({ error, path, req }) {
          if (error.code === 'INTERNAL_SERVER_ERROR')
            req.log.error({ err: error.cause ?? error, procedure: path }, 'internal error');
        },
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    });
  });

  // Single sign-on routes exist only when the OIDC_* variables configure a provider.
  if (config.oidc) await app.register(oidcRoutes, { db, config, oidc: config.oidc });

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.sql.query('SELECT 1');
      return { status: 'ok', db: db.backend };
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: db.backend });
    }
  });

  // Open boundary data for the map, and the web app at / (a placeholder page when it is not built).
  registerBoundaryRoutes(app, db);
  registerTileRoutes(app, db, config, sessions);
  await registerWebApp(app, webRoot);

  // The analytics pool's threads, and the police.uk imports' reader threads, end with the server.
  app.addHook('onClose', async () => {
    await Promise.all([closeAnalyticsPool(), closePoliceUkReaders()]);
  });

  if (env.LANTERN_SESSION_CACHE_MS > 0) {
    const listening = await db.listen(principalChannel, {
      ready: () => sessions.setListening(true),
      notified: () => sessions.forgetAll(),
      lost: (error) => {
        sessions.setListening(false);
        app.log.warn(
          { err: error },
          'not hearing changes to sessions: every request reads its session until heard again',
        );
      },
    });
    app.addHook('onClose', () => listening.close());
  }

  // Audit events are sealed into signed batches: now (what a crash left pending) and every
  // LANTERN_AUDIT_SEAL_MS; the last round runs as the server closes.
  const sealer = await startAuditSealer(db.sql, {
    intervalMs: env.LANTERN_AUDIT_SEAL_MS,
    key: env.LANTERN_AUDIT_KEY ?? developmentAuditKey,
    onError: (error) => app.log.error({ err: error }, 'sealing audit events failed; they stay pending'),
  });
  app.addHook('onClose', async () => sealer.stop());

  // PostgreSQL's autovacuum keeps planner statistics and reclaims dead rows; the embedded
  // database has none, so the server does its part.
  if (db.backend === 'pglite') {
    const maintenance = startTableMaintenance(db.sql, {
      intervalMs: env.LANTERN_EMBEDDED_MAINTENANCE_MS,
      onError: (error) => app.log.error({ err: error }, 'maintaining the embedded database failed'),
    });
    app.addHook('onClose', async () => maintenance.stop());
  }

  return app;
}
