import type { Sql } from './sql.ts';

/**
 * Inserts many rows in one statement per chunk by binding one array per column and unnesting
 * them, so a chunk of thousands of rows costs a single round trip and a handful of parameters.
 * Table and column names come from code, never from input; every value is a bound parameter.
 */
export type ColumnSpec<Row> =
  | { column: string; type: string; value: (row: Row) => unknown; select?: (alias: string) => string }
  /** A WGS84 point column from a { lon, lat } or null. */
  | { column: string; type: 'point'; value: (row: Row) => { lon: number; lat: number } | null };

const builtInTypes = new Set(['text', 'uuid', 'date', 'timestamptz', 'float8', 'int4', 'int8', 'bool', 'jsonb']);

export async function bulkInsert<Row>(
  sql: Sql,
  table: string,
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
  chunkSize = 5000,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params: unknown[][] = [];
    const unnestArgs: string[] = [];
    const aliases: string[] = [];
    const selects: string[] = [];
    for (const [index, spec] of columns.entries()) {
      if (spec.type === 'point') {
        const points = chunk.map((row) => spec.value(row) as { lon: number; lat: number } | null);
        params.push(
          points.map((p) => p?.lon ?? null),
          points.map((p) => p?.lat ?? null),
        );
        unnestArgs.push(`$${params.length - 1}::float8[]`, `$${params.length}::float8[]`);
        aliases.push(`lon${index}`, `lat${index}`);
        selects.push(
          `CASE WHEN lon${index} IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon${index}, lat${index}), 4326) END`,
        );
      } else {
        params.push(chunk.map((row) => spec.value(row)));
        // Drivers serialise arrays of built-in types only: enums travel as text and are cast here.
        const builtIn = builtInTypes.has(spec.type);
        unnestArgs.push(`$${params.length}::${builtIn ? spec.type : 'text'}[]`);
        aliases.push(`c${index}`);
        const value = builtIn ? `c${index}` : `c${index}::"${spec.type}"`;
        selects.push('select' in spec && spec.select ? spec.select(value) : value);
      }
    }
    await sql.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c.column}"`).join(', ')})
       SELECT ${selects.join(', ')} FROM unnest(${unnestArgs.join(', ')}) AS t(${aliases.join(', ')})`,
      params,
    );
    inserted += chunk.length;
  }
  return inserted;
}
