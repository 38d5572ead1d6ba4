import type { Database } from '@lantern/db';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * Builds the HTTP server without listening, so tests drive it with `inject` and the CLI decides
 * where it listens. The tRPC API, tiles and the web app mount here as they land.
 */
export interface ServerOptions {
  db: Database;
  logger?: boolean;
}

export async function createServer({ db, logger = false }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger });

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
