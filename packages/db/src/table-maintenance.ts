import { type Periodic, runPeriodically } from './periodic.ts';
import type { Sql } from './sql.ts';

/**
 * The embedded database has no autovacuum: without this, a table filled by imports keeps no
 * planner statistics (a name search planned without them reads the whole district: 3.7 ms
 * instead of 0.6), and the dead rows of deleted or updated ones (each sealed audit event leaves
 * one in audit_pending) are never reclaimed. This does autovacuum's part: it analyzes a table
 * once more than 50 rows plus a tenth of it changed since its statistics were gathered, and
 * vacuums one with more than 50 dead rows plus a fifth (PostgreSQL's default thresholds).
 *
 * PGlite forgets the change counters when it closes, so two signals that survive a restart count
 * too: a table never analyzed that holds data, and one whose file grew by more than a tenth (and
 * 8 pages) since its statistics were gathered. The CLI runs a pass before it closes the embedded
 * database, and the server every LANTERN_EMBEDDED_MAINTENANCE_MS.
 */
export async function maintainTables(sql: Sql): Promise<{ analyzed: string[]; vacuumed: string[] }> {
  // The counters of this connection's own writes, which PGlite would otherwise report later.
  await sql.query('SELECT pg_stat_force_next_flush()');
  const due = await sql.query<{ name: string; vacuum: boolean; analyze: boolean }>(
    `SELECT quote_ident(s.relname) AS name,
            s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) AS vacuum,
            s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
              OR (c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
              OR pg_relation_size(c.oid) / current_setting('block_size')::int > 1.1 * c.relpages + 8 AS analyze
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = current_schema() AND c.relkind = 'r'
     ORDER BY s.relname`,
  );
  const analyzed: string[] = [];
  const vacuumed: string[] = [];
  for (const table of due) {
    if (table.vacuum) {
      // Names come from the catalogue, quoted by quote_ident.
      await sql.query(`VACUUM (ANALYZE) ${table.name}`);
      vacuumed.push(table.name);
    } else if (table.analyze) {
      await sql.query(`ANALYZE ${table.name}`);
      analyzed.push(table.name);
    }
  }
  return { analyzed, vacuumed };
}

/** `maintainTables` every `intervalMs`, for the embedded database's server. */
export function startTableMaintenance(
  sql: Sql,
  options: { intervalMs: number; onError: (error: unknown) => void },
): Periodic {
  return runPeriodically(() => maintainTables(sql), options);
}
