import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The built web app (apps/web/dist) at `/`, with client-side routes falling back to index.html.
 * Without a build (tests, a checkout before `pnpm build`) `/` is a placeholder page that says
 * what is running instead of a bare 404.
 */

/** Paths the server itself answers: a miss under them is a real 404, never the web app. */
const serverPrefixes = ['/trpc', '/geo/', '/tiles/', '/auth/', '/healthz', '/assets/'];

/** Finds apps/web/dist by walking up from this module, so it works from source and from the bundled CLI. */
export function findWebAppDist(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'apps', 'web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export async function registerWebApp(app: FastifyInstance, root: string | null): Promise<void> {
  if (root === null) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lantern</title></head>' +
            '<body><main><h1>Lantern</h1><p>The Lantern server is running. Health: <a href="/healthz">/healthz</a>.</p>' +
            '<p>The web app is not built: run <code>pnpm build</code>.</p></main></body></html>',
        ),
    );
    return;
  }
  const assets = `${sep}assets${sep}`;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: 'index.html',
    cacheControl: false,
    setHeaders(reply, path) {
      // Vite puts a content hash in every file name under assets/, so those never change.
      reply.header('cache-control', path.includes(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !serverPrefixes.some((prefix) => path.startsWith(prefix)) &&
      !/\.[a-z0-9]+$/i.test(path);
    if (!isPage) {
      return reply.code(404).send({ error: { message: `Nothing at ${request.method} ${path}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
