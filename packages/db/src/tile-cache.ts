import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Database } from './connect.ts';
import { cellTileSql } from './crime-tile-cells.ts';
import { type DataVersions, tileDataVersion } from './data-version.ts';
import { renderTile, type TileRequest, tileUsesScope } from './tiles.ts';

/**
 * Rendered vector tiles kept in process, in an LRU bounded by bytes. An entry's key is everything
 * that shapes the tile: layer, address, the normalised filters, the small-count limit, the
 * intelligence audience, the caller's district scope where the layer reads it (crime is open
 * data: every caller shares its tiles), and the layer's data version (data-version.ts). The
 * version moves in the transaction of every write that can change the layer, and is read before
 * the tile is rendered, so an entry never holds data older than its version; an old version's
 * entries are simply never asked for again and age out. The cache holds no access decision: the
 * route authorises (and audits) every request before it looks anything up here.
 */
export interface TileCacheOptions {
  /** Budget for the encoded tiles and their keys; 0 turns the store off (ETags still work). */
  maxBytes: number;
  /** Crime tiles warmed after a new crime version (an import or seed) up to this zoom; -1: none. */
  warmMaxZoom: number;
  /** At most this many tiles per warming. */
  warmMaxTiles?: number;
}

/** One tile's place in the cache: its key and the strong ETag derived from it. */
export interface TileAddress {
  key: string;
  etag: string;
  /** The layer's data version the key was made at. */
  version: string;
}

/** The key of a tile request at a data version: filters normalised, so equal requests share it. */
export function tileCacheKey(request: TileRequest, version: string): string {
  const types = [...new Set(request.types ?? [])].sort();
  const scope = !tileUsesScope(request.layer)
    ? 'open'
    : request.scope === 'all'
      ? 'all'
      : [...new Set(request.scope)].sort();
  const audience = request.layer === 'intelligence' ? (request.intelligenceAudience ?? 'partner') : null;
  return JSON.stringify([
    request.layer,
    request.z,
    request.x,
    request.y,
    request.from ?? null,
    request.to ?? null,
    types,
    Math.max(1, request.minCount ?? 1),
    scope,
    audience,
    version,
  ]);
}

/** A strong ETag naming the key without revealing it (the key lists the caller's districts). */
export function tileEtag(key: string): string {
  return `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether an If-None-Match header names this ETag (RFC 9110 §13.1.2: a list, weak comparison,
 * or `*`). Written out because the usual helpers (`fresh`, @fastify/etag) want the rendered
 * response, and the point here is to answer before rendering.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

interface VersionedRequest {
  request: TileRequest;
  version: string;
}

/**
 * Renders on the read replica when it is usable and has replayed the layer's `version`, else on
 * the primary: a tile kept under a version never shows data older than it, however far the
 * replica has fallen behind since the last lag check.
 */
function renderAtVersion(db: Database, request: TileRequest, version: string): Promise<Uint8Array> {
  return db.read(async (reader) => {
    if (reader.target === 'replica' && BigInt(await tileDataVersion(reader.sql, request.layer)) < BigInt(version)) {
      return renderTile(db.prisma, db.backend, request);
    }
    return renderTile(reader.prisma, db.backend, request);
  });
}

export class TileCache {
  private readonly store: LRUCache<string, Uint8Array, VersionedRequest> | null;
  private warmedVersion: string | null = null;
  private warming: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly options: TileCacheOptions,
  ) {
    this.store =
      options.maxBytes > 0
        ? new LRUCache<string, Uint8Array, VersionedRequest>({
            maxSize: options.maxBytes,
            sizeCalculation: (body, key) => body.byteLength + key.length,
            // Concurrent requests for one missing tile share a single render.
            fetchMethod: (_key, _stale, { context }) => renderAtVersion(db, context.request, context.version),
          })
        : null;
  }

  /**
   * The tile's key and ETag at the layer's committed data version: from `known` (read with the
   * request's session) when given, else one primary-key read.
   */
  async address(request: TileRequest, known?: DataVersions): Promise<TileAddress> {
    const version = await tileDataVersion(this.db.sql, request.layer, known);
    if (request.layer === 'crime') this.warmAfter(version);
    const key = tileCacheKey(request, version);
    return { key, etag: tileEtag(key), version };
  }

  /** The tile at `address`: from the store, or rendered now and kept. */
  async tile(request: TileRequest, address: TileAddress): Promise<Uint8Array> {
    if (!this.store) return renderAtVersion(this.db, request, address.version);
    const body = await this.store.fetch(address.key, { context: { request, version: address.version } });
    if (!body) throw new Error(`tile ${address.key} was not rendered`);
    return body;
  }

  /** Entries and bytes held (for benchmarks and tests). */
  get stats(): { entries: number; bytes: number } {
    return { entries: this.store?.size ?? 0, bytes: this.store?.calculatedSize ?? 0 };
  }

  /** Stops warming and waits for the tile in hand, so the database can close. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.warming;
  }

  /** Resolves when the current warming (if any) has finished. */
  warmed(): Promise<void> {
    return this.warming;
  }

  /**
   * The first time a crime version is seen, warm the crime tiles a map opens on (no filters) up
   * to `warmMaxZoom`, in the background, one tile at a time, only tiles that hold crime (read
   * from the counted cells), at most `warmMaxTiles`; a newer version stops it.
   */
  private warmAfter(version: string): void {
    if (!this.store || this.options.warmMaxZoom < 0 || this.warmedVersion === version || this.stopped) return;
    this.warmedVersion = version;
    this.warming = this.warming
      .then(() => this.warm(version))
      .catch(() => {
        // Warming is only an optimisation: a failure leaves those tiles to be rendered on request.
      });
  }

  private async warm(version: string): Promise<void> {
    let budget = this.options.warmMaxTiles ?? 2048;
    for (let z = 0; z <= this.options.warmMaxZoom && budget > 0; z++) {
      const tile = cellTileSql(z);
      const tiles = await this.db.sql.query<{ x: number; y: number }>(
        `SELECT DISTINCT ${tile.x} AS x, ${tile.y} AS y FROM crime_tile_cell WHERE z = $1::smallint
         ORDER BY 1, 2 LIMIT $2`,
        [z, budget],
      );
      for (const { x, y } of tiles) {
        if (this.stopped || this.warmedVersion !== version || !this.store) return;
        const request: TileRequest = { layer: 'crime', z, x, y, scope: 'all' };
        await this.store.fetch(tileCacheKey(request, version), { context: { request, version } });
        budget -= 1;
      }
    }
  }
}
