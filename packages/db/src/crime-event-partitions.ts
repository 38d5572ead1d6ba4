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

/**
 * Locks the given months (YYYY-MM-DD of each first day) for writing crime_event until the
 * transaction ends, in one order so that two writers cannot each hold a month the other waits
 * for. A writer that decides how to write a month from what it holds (police-uk-import.ts copies
 * straight into a month without rows) takes the lock first, and a concurrent writer of that
 * month waits for its commit.
 */
export async function lockCrimeMonths(sql: Sql, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await sql.query(
    `SELECT pg_advisory_xact_lock(hashtext('lantern_crime_event_month'),
                                  (extract(year FROM m.month) * 12 + extract(month FROM m.month))::int)
     FROM (SELECT DISTINCT month FROM unnest($1::date[]) AS u(month) ORDER BY month) AS m`,
    [[...months]],
  );
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
