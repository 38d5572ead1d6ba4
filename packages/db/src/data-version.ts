import type { TileLayer } from '@lantern/domain';
import type { Sql } from './sql.ts';

/**
 * The version of each tile layer's data (table tile_data_version, migration
 * 20261209110000_tile_data_version). Cached tiles are keyed by it (tile-cache.ts), so it must move
 * with every committed write that can change a tile, inside that write's transaction: then a
 * reader sees the new version exactly when it sees the new rows. Intelligence reports and missing
 * episodes bump it by statement triggers; crime bumps it from every statement on crime_event and,
 * because writes to a partition or a TRUNCATE skip the parent's triggers, explicitly here from the
 * police.uk import, the seed and the tile-cell refresh.
 */
export async function bumpDataVersion(sql: Sql, layer: TileLayer): Promise<void> {
  await sql.query('UPDATE tile_data_version SET version = version + 1 WHERE layer = $1', [layer]);
}

/**
 * Every tile layer's and read model's committed version (tile_data_version, read_model_version),
 * read in one statement. The API reads them in the statement that checks a request's session
 * (`resolveSession`), so a request whose answer is kept by version (a tile, the district counts)
 * needs no read of its own. Taken before the request reads anything else, they are never newer
 * than what it reads next, and a caller's committed write is in its next request's versions.
 */
export interface DataVersions {
  readonly tiles: Readonly<Partial<Record<TileLayer, string>>>;
  readonly readModels: Readonly<Record<string, string>>;
}

/** The select-list items that read `DataVersions` (as `tileVersions` and `readModelVersions`) beside other columns. */
export const dataVersionColumns = `
  (SELECT json_object_agg(layer, version::text) FROM tile_data_version) AS "tileVersions",
  (SELECT json_object_agg(name, version::text) FROM read_model_version) AS "readModelVersions"`;

/** The `DataVersions` of a row read with `dataVersionColumns`. */
export function dataVersionsOf(row: {
  tileVersions: Record<string, string> | null;
  readModelVersions: Record<string, string> | null;
}): DataVersions {
  return { tiles: row.tileVersions ?? {}, readModels: row.readModelVersions ?? {} };
}

/**
 * The layer's committed data version: as read with the request's session when `known` holds it,
 * else one primary-key read, cheap enough for every tile request.
 */
export async function tileDataVersion(sql: Sql, layer: TileLayer, known?: DataVersions): Promise<string> {
  const given = known?.tiles[layer];
  if (given !== undefined) return given;
  const [row] = await sql.query<{ version: string }>(
    'SELECT version::text AS version FROM tile_data_version WHERE layer = $1',
    [layer],
  );
  if (!row) throw new Error(`tile_data_version has no row for layer "${layer}"`);
  return row.version;
}
