import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { type Database, resolveSession } from '@lantern/db';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type ApiConfig, apiConfig, type Context, createContextInner } from './context.ts';
import { type ApiEnv, readApiEnv } from './env.ts';
import { type AppRouter, appRouter } from './routers/index.ts';

/**
 * Builds the HTTP server without listening, so tests drive it with `inject` and the CLI decides
 * where it listens. tRPC at /trpc, health at /healthz; tiles and the web app mount here as they land.
 */
export interface ServerOptions {
  db: Database;
  env?: ApiEnv;
  logger?: boolean;
}

/** Browsers cannot add this header to a cross-site request without a CORS preflight, which fails. */
export const csrfHeader = 'x-lantern-csrf';

function clientOf(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

export async function createServer({
  db,
  env = readApiEnv(),
  logger = false,
}: ServerOptions): Promise<FastifyInstance> {
  const config: ApiConfig = apiConfig(env);
  const production = env.NODE_ENV === 'production';
  const app = Fastify({ logger, trustProxy: env.LANTERN_TRUST_PROXY, maxParamLength: 5000 });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
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

  // Cross-site request defence for the API: the custom header (SameSite=Lax already keeps the
  // cookie off cross-site subrequests) and, when the browser names an origin, a known origin.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/trpc')) return;
    const origin = request.headers.origin;
    const host = request.headers.host;
    const sameOrigin = origin !== undefined && host !== undefined && new URL(origin).host === host;
    if (origin !== undefined && !sameOrigin && !env.LANTERN_ALLOWED_ORIGINS.includes(origin)) {
      return reply.code(403).send({ error: { message: `Requests from origin ${origin} are not allowed` } });
    }
    if (request.headers[csrfHeader] === undefined) {
      return reply.code(403).send({ error: { message: `Missing the ${csrfHeader} header required on API requests` } });
    }
  });

  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: production,
    path: '/',
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      async createContext({ req, res }): Promise<Context> {
        const token = req.cookies[config.cookieName];
        const session = token ? await resolveSession(db.prisma, token, config.session) : null;
        return createContextInner({
          db,
          config,
          principal: session?.principal ?? null,
          sessionId: session?.sessionId ?? null,
          client: clientOf(req),
          cookies: {
            set: (value) =>
              res.setCookie(config.cookieName, value, {
                ...cookieOptions,
                maxAge: config.session.absoluteHours * 3600,
              }),
            clear: () => res.clearCookie(config.cookieName, cookieOptions),
          },
        });
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error.cause ?? error, path }, 'internal error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.sql.query('SELECT 1');
      return { status: 'ok', db: db.backend };
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: db.backend });
    }
  });

  // Until the web app lands (apps/web), `/` says what is running instead of a bare 404.
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantern</title></head>' +
          '<body><main><h1>Lantern</h1><p>The Lantern server is running. Health: <a href="/healthz">/healthz</a>.</p>' +
          '</main></body></html>',
      ),
  );

  return app;
}
