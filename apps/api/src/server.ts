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

  return app;
}
