import type { Sql } from './sql.ts';

/**
 * crime_event is partitioned by month (migration 20261209120000_crime_event_partitions). Writers
 * make the partitions of the months they are about to write, in their own transaction, so rows
 * land in their month's partition rather than the DEFAULT one; a month that has one is skipped.
 */
export async function ensureCrimeEventPartitions(sql: Sql, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await sql.query('SELECT lantern_crime_event_partition(month) FROM unnest($1::date[]) AS m(month)', [
    [...new Set(months)].sort(),
  ]);
}

/** The month partitions that exist (YYYY-MM-DD of each first day), oldest first; not the DEFAULT one. */
export async function crimeEventPartitionMonths(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ month: string }>(
    `SELECT to_char(to_date(substr(c.relname, 13), 'YYYY_MM'), 'YYYY-MM-DD') AS month
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'crime_event'::regclass AND c.relname ~ '^crime_event_[0-9]{4}_[0-9]{2}$'
     ORDER BY 1`,
  );
  return rows.map((row) => row.month);
}
