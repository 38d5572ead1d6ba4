import {
  boundaryLayerGeoJson,
  boundaryLayers,
  boundaryLayerVersion,
  type Database,
  isBoundaryLayer,
} from '@lantern/db';
import type { FastifyInstance } from 'fastify';

/**
 * `GET /geo/boundaries/<districts|wards>.geojson`: the bundled ONS boundaries for the web map.
 * Open data (no people in it), so no sign-in. The ETag is the loaded file's checksum, so a
 * revalidation is one tiny query and a 304; the document is only built when it changed.
 */
export function registerBoundaryRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { layer: string } }>('/geo/boundaries/:layer.geojson', async (request, reply) => {
    const { layer } = request.params;
    if (!isBoundaryLayer(layer)) {
      return reply
        .code(404)
        .send({ error: { message: `Unknown boundary layer "${layer}" (layers: ${boundaryLayers.join(', ')})` } });
    }
    const version = await boundaryLayerVersion(db.prisma, layer);
    if (version === null) {
      return reply
        .code(404)
        .send({ error: { message: `The ${layer} boundaries are not loaded: run \`lantern db migrate\`` } });
    }
    const etag = `"${version}"`;
    // An hour fresh, then revalidated: boundaries change only when a new release is loaded.
    reply.header('cache-control', 'public, max-age=3600, must-revalidate').header('etag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const document = await boundaryLayerGeoJson(db.prisma, layer);
    return reply.type('application/geo+json; charset=utf-8').send(document);
  });
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
