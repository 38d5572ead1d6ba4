import { type Database, isTileLayer, renderTile, resolveSession, tileLayers } from '@lantern/db';
import {
  districtScope,
  mayCall,
  type ProcedurePolicy,
  tileAddress,
  tileLayerPolicies,
  tileQuery,
} from '@lantern/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiConfig } from '../context.ts';
import { describeZodError } from '../errors.ts';

/**
 * `GET /tiles/<layer>/<z>/<x>/<y>.pbf?from=&to=&types=`: Mapbox Vector Tiles of clustered points
 * for the map. Signed-in users only, each layer as `tileLayerPolicies` allows, limited to the
 * caller's districts; the cache is private because what a tile holds depends on who asks.
 */
export function registerTileRoutes(app: FastifyInstance, db: Database, config: ApiConfig): void {
  app.get<{ Params: { layer: string; z: string; x: string; y: string } }>(
    '/tiles/:layer/:z/:x/:y.pbf',
    async (request, reply) => {
      const { layer, ...address } = request.params;
      if (!isTileLayer(layer)) {
        return fail(reply, 404, `Unknown tile layer "${layer}" (layers: ${tileLayers.join(', ')})`);
      }
      const tile = tileAddress.safeParse(address);
      if (!tile.success) return fail(reply, 400, describeZodError(tile.error));
      const query = tileQuery.safeParse(request.query);
      if (!query.success) return fail(reply, 400, describeZodError(query.error));

      const token = request.cookies[config.cookieName];
      const session = token ? await resolveSession(db.prisma, token, config.session) : null;
      if (!session) return fail(reply, 401, 'Sign in to use Lantern');
      const { principal } = session;
      const policy: ProcedurePolicy = tileLayerPolicies[layer];
      if (!mayCall(policy, principal.roles)) {
        return fail(reply, 403, `Your role does not give access to the ${layer} layer`);
      }
      const body = await renderTile(db.prisma, db.backend, {
        layer,
        ...tile.data,
        from: query.data.from,
        to: query.data.to,
        types: query.data.types,
        scope: districtScope(principal.roles, principal.districtCodes, policy),
      });
      return reply
        .type('application/vnd.mapbox-vector-tile')
        .header('cache-control', 'private, max-age=300')
        .header('vary', 'cookie')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );
}

function fail(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ error: { message } });
}
