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

/** The layer's committed data version: one primary-key read, cheap enough for every tile request. */
export async function tileDataVersion(sql: Sql, layer: TileLayer): Promise<string> {
  const [row] = await sql.query<{ version: string }>(
    'SELECT version::text AS version FROM tile_data_version WHERE layer = $1',
    [layer],
  );
  if (!row) throw new Error(`tile_data_version has no row for layer "${layer}"`);
  return row.version;
}
