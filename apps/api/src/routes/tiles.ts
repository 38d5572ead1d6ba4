import { type Access, authorize } from '@lantern/app';
import {
  type CachedSession,
  type Database,
  etagMatches,
  resolveSession,
  type SessionCache,
  TileCache,
  type TileRequest,
} from '@lantern/db';
import {
  AppError,
  hidesSmallCounts,
  isTileLayer,
  smallCountLimit,
  tileAddress,
  tileLayerPolicies,
  tileLayers,
  tileQuery,
} from '@lantern/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiConfig } from '../context.ts';
import { describeZodError, httpStatusOf } from '../errors.ts';

/**
 * `GET /tiles/<layer>/<z>/<x>/<y>.pbf?from=&to=&types=`: Mapbox Vector Tiles of clustered points
 * for the map. The same access decision as every procedure (`authorize`, with the layer's entry of
 * `tileLayerPolicies`, denials audited), limited to the caller's districts; the cache is private
 * because what a tile holds depends on who asks. Rendered tiles are kept in process (TileCache,
 * keyed by what shapes the tile and the layer's data version) and every answer carries an ETag,
 * so a browser's revalidation is a 304 without rendering; both only after the access decision.
 * The browser must revalidate every time (`no-cache`): a tile's URL stays the same when its data
 * changes, so a browser allowed to keep it for a while (`max-age=300`, before) could draw the map
 * as it was before an edit, such as an episode just recorded, for up to five minutes.
 */
export function registerTileRoutes(
  app: FastifyInstance,
  db: Database,
  config: ApiConfig,
  sessions?: SessionCache<CachedSession>,
): void {
  const cache = new TileCache(db, {
    maxBytes: config.env.LANTERN_TILE_CACHE_MB * 1024 * 1024,
    warmMaxZoom: config.env.LANTERN_TILE_WARM_MAX_ZOOM,
  });
  app.addHook('onClose', () => cache.close());
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
      const session = token ? await resolveSession(db.sql, token, config.session, sessions) : null;
      let access: Access;
      try {
        access = await authorize({ db }, session?.principal ?? null, `tiles.${layer}`, tileLayerPolicies[layer]);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const message =
          error.code === 'FORBIDDEN' ? `Your role does not give access to the ${layer} layer` : error.message;
        return fail(reply, httpStatusOf(error.code), message);
      }
      const tileRequest: TileRequest = {
        layer,
        ...tile.data,
        from: query.data.from,
        to: query.data.to,
        types: query.data.types,
        scope: access.scope,
        minCount: hidesSmallCounts(access.policy, access.personLevel) ? smallCountLimit : undefined,
        intelligenceAudience: access.intelligenceAudience,
      };
      const cached = await cache.address(tileRequest, session?.versions);
      reply.header('cache-control', 'private, no-cache').header('vary', 'cookie').header('etag', cached.etag);
      if (etagMatches(request.headers['if-none-match'], cached.etag)) return reply.code(304).send();
      const body = await cache.tile(tileRequest, cached);
      return reply
        .type('application/vnd.mapbox-vector-tile')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );
}

function fail(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ error: { message } });
}
