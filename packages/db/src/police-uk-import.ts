import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, type FieldProblem } from '@lantern/domain';
import { ensureCrimeEventPartitions, lockCrimeMonths } from './crime-event-partitions.ts';
import { refreshCrimeTileCells } from './crime-tile-cells.ts';
import { type CsvImportOptions, emptyCounts, importRecords, type WriteCounts } from './csv-import.ts';
import { bumpDataVersion } from './data-version.ts';
import { type DistrictRow, districtRows } from './district-locator.ts';
import { hasErrorCode } from './pg-errors.ts';
import { readPoliceUk } from './police-uk-reader.ts';
import { crimeEventColumns, type PoliceUkItem } from './police-uk-rows.ts';
import type { Sql, TransactionalSql } from './sql.ts';

export { type RejectedRow, rejectsCsv } from './csv-import.ts';
export { crimeEventColumns, PoliceUkKeyer } from './police-uk-rows.ts';

/**
 * Streams a data.police.uk street CSV into crime_event inside one transaction: a file imports
 * whole or not at all (unless `skipInvalid`), and never sits in memory whole. Rows are checked
 * in Node as they are read (on a thread of their own) and staged with COPY; the upsert on the natural key (id, month) then
 * only touches rows whose content changed, so importing the same file twice changes nothing and
 * a republished month's changed rows are updated in that month's partition alone.
 */
export interface PoliceUkImportOptions extends CsvImportOptions {
  /** For reduced extracts whose file name does not name the crime type. */
  crimeType?: string;
  /**
   * Whether the map's tile cells of the months this file touched are recounted before it commits
   * (the default). `false` leaves those months marked stale, so crime tiles read the points until
   * the caller recounts them (`refreshCrimeTileCells`): once after several files instead of after
   * each, which recounts a month as many times as it has files (police.uk publishes a file per
   * force and month). Every open of the database (`migrateAndLoad`) counts what is still marked.
   */
  refreshTileCells?: boolean;
}

export interface PoliceUkImportReport {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  withoutLocation: number;
  rejected: number;
  problems: FieldProblem[];
}

export async function importPoliceUkFile(
  sql: TransactionalSql,
  path: string,
  options: PoliceUkImportOptions = {},
): Promise<PoliceUkImportReport> {
  return importPoliceUkStream(sql, createReadStream(path), basename(path), options);
}

export async function importPoliceUkStream(
  sql: TransactionalSql,
  input: Readable,
  file: string,
  options: PoliceUkImportOptions = {},
): Promise<PoliceUkImportReport> {
  // Held until the reader takes it once the transaction has begun: a 'data' listener (the CLI's
  // progress bar) would otherwise set the file flowing past it meanwhile.
  input.pause();
  const staging = new CrimeEventStaging();
  const report = emptyCounts(file);
  const batchSize = options.batchSize ?? 5_000;
  let districts: DistrictRow[] = [];
  let header: string[] = [];
  let withoutLocation = 0;
  // The file's records, read on the reader thread (police-uk-reader.ts) while this one writes. A
  // row CSV cannot read is counted and reported here, as importCsvStream does; the rest go on.
  async function* records(): AsyncIterable<Array<{ record: StagedOrInvalid; line: number }>> {
    const reading = readPoliceUk(input, { file, crimeType: options.crimeType, districts }, 2 * batchSize, (row) => {
      header = row;
    });
    for await (const items of reading) {
      const chunk: Array<{ record: StagedOrInvalid; line: number }> = [];
      for (const item of items) {
        if (item.kind === 'malformed') {
          report.problems.push(item.problem);
          report.rejected += 1;
        } else chunk.push({ record: item, line: item.line });
      }
      yield chunk;
    }
  }
  const counts = await importRecords(
    sql,
    records(),
    file,
    {
      // The districts as the import's transaction sees them, for the reader to locate each point.
      async start(tx) {
        districts = await districtRows(tx);
      },
      parse(item) {
        if (item.kind === 'invalid') return { ok: false, problems: item.problems };
        if (item.withoutLocation) withoutLocation += 1;
        return { ok: true, row: item };
      },
      // Valid rows reach crime_event a batch at a time, through a staging table, while the next
      // batch is read.
      write: (tx, batch) => staging.write(tx, batch),
      async finish(tx) {
        // The map tiles' cells of the months this file touched, before it commits.
        if (options.refreshTileCells !== false) await refreshCrimeTileCells(tx);
        // Cached crime tiles of the old data are never served again (tile-cache.ts).
        await bumpDataVersion(tx, 'crime');
      },
    },
    {
      ...options,
      onReject: (item, line, problems) =>
        options.onReject?.({ header, record: item.kind === 'invalid' ? item.record : [], line, problems }),
      // A few batches per monthly file, so that most of its reading overlaps the database's work.
      batchSize,
    },
    report,
  ).catch((error: unknown) => {
    // PostgreSQL's deadlock_detected.
    throw hasErrorCode(error, '40P01') ? concurrentImport(file) : error;
  });
  return { ...counts, withoutLocation };
}

/**
 * A file's import that PostgreSQL ended to break a deadlock with another import: each holds a
 * month the other reached next (`lockCrimeMonths`), which only happens when two files of the same
 * months are imported at once in different month orders. The other goes on; this one rolled back.
 */
function concurrentImport(file: string): AppError {
  return new AppError(
    'CONFLICT',
    `${file}: another import was writing the same months at the same time, and the database stopped this one so that the other could finish; nothing from ${file} was imported: import it again`,
  );
}

type StagedOrInvalid = Exclude<PoliceUkItem, { kind: 'malformed' }>;
type StagedRow = Extract<PoliceUkItem, { kind: 'staged' }>;

const stagingTable = 'crime_event_staging';

/**
 * One file's valid rows, a batch at a time, into crime_event. The keys are unique within a file
 * (PoliceUkKeyer), and each row comes formatted for COPY from the reader, its district found
 * there (DistrictLocator). A month holds no rows when the file first writes it in most first
 * imports (police.uk publishes a file per force and month): its rows cannot conflict with any, so
 * they are copied straight into crime_event, as fast as loading them can be. A month with rows
 * goes through a staging table: COPY into a temporary table that lives as long as the import's
 * transaction (so a failed import leaves nothing behind), then one set-based upsert per month,
 * pruned to that month's partition and writing only new or changed rows.
 *
 * A writer holds its months' lock (`lockCrimeMonths`) from its first write of a month to its
 * commit, so the month's emptiness it saw still holds when it copies: a concurrent import of the
 * same month waits, then finds the rows and upserts.
 */
class CrimeEventStaging {
  private created = false;
  /** Each month this file has written: whether it held no rows when the file first wrote it. */
  private readonly months = new Map<string, 'empty' | 'held rows'>();

  async write(tx: Sql, batch: readonly StagedRow[]): Promise<WriteCounts> {
    const byMonth = new Map<string, StagedRow[]>();
    for (const row of batch) {
      const rows = byMonth.get(row.month);
      if (rows) rows.push(row);
      else byMonth.set(row.month, [row]);
    }
    const firstWritten = [...byMonth.keys()].filter((month) => !this.months.has(month)).sort();
    if (firstWritten.length > 0) {
      await ensureCrimeEventPartitions(tx, firstWritten);
      await lockCrimeMonths(tx, firstWritten);
      // After the lock, in a statement of its own: its snapshot sees what the lock waited for.
      const held = await tx.query<{ month: string }>(
        `SELECT to_char(m.month, 'YYYY-MM-DD') AS month FROM unnest($1::date[]) AS m(month)
         WHERE EXISTS (SELECT 1 FROM crime_event c WHERE c.month = m.month)`,
        [firstWritten],
      );
      const withRows = new Set(held.map((row) => row.month));
      for (const month of firstWritten) this.months.set(month, withRows.has(month) ? 'held rows' : 'empty');
    }
    const written = { inserted: 0, updated: 0 };
    const copied = [...byMonth].filter(([month]) => this.months.get(month) === 'empty').flatMap(([, rows]) => rows);
    if (copied.length > 0) {
      // One string: COPY's stream would otherwise take each row as a write of its own.
      await tx.copyFrom('crime_event', crimeEventColumns, copied.map((row) => row.staged).join(''));
      written.inserted += copied.length;
    }
    const upserted = [...byMonth].filter(([month]) => this.months.get(month) === 'held rows');
    if (upserted.length === 0) return written;
    if (!this.created) {
      this.created = true;
      await tx.query(`CREATE TEMPORARY TABLE ${stagingTable} (LIKE crime_event INCLUDING DEFAULTS) ON COMMIT DROP`);
    } else await tx.query(`DELETE FROM ${stagingTable}`);
    await tx.copyFrom(
      stagingTable,
      crimeEventColumns,
      upserted.flatMap(([, rows]) => rows.map((row) => row.staged)).join(''),
    );
    for (const [month] of upserted) {
      const [counts] = await tx.query<WriteCounts>(upsertMonth, [month]);
      written.inserted += counts?.inserted ?? 0;
      written.updated += counts?.updated ?? 0;
    }
    return written;
  }
}

/** The staged rows of one month ($1) into crime_event: only new or changed rows; says how many of each. */
const upsertMonth = `WITH changed AS (
    SELECT s.*, c.id IS NULL AS is_new
    FROM ${stagingTable} s
    LEFT JOIN crime_event c ON c.id = s.id AND c.month = $1::date
    WHERE s.month = $1::date
      AND (c.id IS NULL
           OR (c.reported_by, c.falls_within, c.location, c.lsoa_code, c.lsoa_name, c.crime_type, c.outcome,
               c.context, c.crime_id) IS DISTINCT FROM
              (s.reported_by, s.falls_within, s.location, s.lsoa_code, s.lsoa_name, s.crime_type, s.outcome,
               s.context, s.crime_id)
           OR NOT (c.geom IS NOT DISTINCT FROM s.geom))
  ), written AS (
    INSERT INTO crime_event AS c (id, crime_id, month, reported_by, falls_within, geom, location, lsoa_code,
                                  lsoa_name, crime_type, outcome, context, district_code)
    SELECT id, crime_id, month, reported_by, falls_within, geom, location, lsoa_code, lsoa_name,
           crime_type, outcome, context, district_code
    FROM changed
    ON CONFLICT (id, month) DO UPDATE SET
      crime_id = EXCLUDED.crime_id, reported_by = EXCLUDED.reported_by, falls_within = EXCLUDED.falls_within,
      geom = EXCLUDED.geom, location = EXCLUDED.location, lsoa_code = EXCLUDED.lsoa_code,
      lsoa_name = EXCLUDED.lsoa_name, crime_type = EXCLUDED.crime_type, outcome = EXCLUDED.outcome,
      context = EXCLUDED.context, district_code = EXCLUDED.district_code
  )
  -- A partitioned table cannot return xmax to tell inserts from updates; the join above can.
  SELECT count(*) FILTER (WHERE is_new)::int AS inserted, count(*) FILTER (WHERE NOT is_new)::int AS updated
  FROM changed`;
