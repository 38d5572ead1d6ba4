import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import {
  AppError,
  type CrimeEventInput,
  type FieldProblem,
  formatProblem,
  parsePoliceUkRow,
  policeUkLayout,
} from '@lantern/domain';
import { bulkInsert, type ColumnSpec } from './bulk-insert.ts';
import { copyTextRow } from './copy-text.ts';
import { ensureCrimeEventPartitions } from './crime-event-partitions.ts';
import { refreshCrimeTileCells } from './crime-tile-cells.ts';
import { type CsvImportOptions, importCsvStream, type WriteCounts } from './csv-import.ts';
import { bumpDataVersion } from './data-version.ts';
import { DistrictLocator } from './district-locator.ts';
import type { Sql, TransactionalSql } from './sql.ts';

export { type RejectedRow, rejectsCsv } from './csv-import.ts';

/**
 * Streams a data.police.uk street CSV into crime_event inside one transaction: a file imports
 * whole or not at all (unless `skipInvalid`), and never sits in memory whole. Rows are checked
 * in Node as they are read and staged with COPY; the upsert on the natural key (id, month) then
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
  const keyer = new PoliceUkKeyer();
  const staging = new CrimeEventStaging();
  let withoutLocation = 0;
  const counts = await importCsvStream(
    sql,
    input,
    file,
    {
      expectedHeader: 'expected a data.police.uk header row',
      header(record) {
        const result = policeUkLayout(record, file, options.crimeType);
        if (!result.ok) throw new AppError('BAD_INPUT', formatProblem(result.problem), [result.problem]);
        const layout = result.layout;
        return (row, line) => {
          const parsed = parsePoliceUkRow(layout.toStreetFields(row), file, line, layout.columnName);
          if (!parsed.ok) return parsed;
          if (parsed.crime.lon === null) withoutLocation += 1;
          return { ok: true, row: { id: keyer.next(parsed.crime), crime: parsed.crime } };
        };
      },
      // Valid rows reach crime_event a batch at a time, through a staging table, while the next
      // batch is read (csv-import.ts).
      write: (tx, batch) => staging.write(tx, batch),
      async finish(tx) {
        // The map tiles' cells of the months this file touched, before it commits.
        if (options.refreshTileCells !== false) await refreshCrimeTileCells(tx);
        // Cached crime tiles of the old data are never served again (tile-cache.ts).
        await bumpDataVersion(tx, 'crime');
      },
    },
    // A few batches per monthly file, so that most of its parsing overlaps the database's work.
    { ...options, batchSize: options.batchSize ?? 5_000 },
  );
  return { ...counts, withoutLocation };
}

const stagingTable = 'crime_event_staging';
const stagingColumns = [
  'id',
  'crime_id',
  'month',
  'reported_by',
  'falls_within',
  'lon',
  'lat',
  'location',
  'lsoa_code',
  'lsoa_name',
  'crime_type',
  'outcome',
  'context',
  'district_code',
] as const;

/** A row as staged: its key, its fields and the district its point is in. */
interface StagedCrime {
  id: string;
  crime: CrimeEventInput;
  districtCode: string | null;
}

/**
 * One file's valid rows, a batch at a time: staged in a temporary table that lives as long as the
 * import's transaction (so a failed import leaves nothing behind), loaded with COPY where the
 * handle has it, and written into crime_event by one set-based upsert per month of the batch, each
 * pruned to that month's partition and writing only new or changed rows. The keys are unique
 * within a file (PoliceUkKeyer), so each batch is compared with what the file's earlier batches
 * did not touch. Each point's district is found in Node (DistrictLocator, with the districts as
 * the transaction sees them) as its row is staged.
 */
class CrimeEventStaging {
  private locator: DistrictLocator | undefined;
  private readonly partitioned = new Set<string>();

  async write(tx: Sql, batch: ReadonlyArray<{ id: string; crime: CrimeEventInput }>): Promise<WriteCounts> {
    if (this.locator === undefined) {
      // The file's first batch: the districts as its transaction sees them, and the staging table.
      this.locator = await DistrictLocator.load(tx);
      await tx.query(
        `CREATE TEMPORARY TABLE ${stagingTable} (
           id text NOT NULL, crime_id text, month date NOT NULL, reported_by text NOT NULL, falls_within text NOT NULL,
           lon float8, lat float8, location text, lsoa_code text, lsoa_name text, crime_type text NOT NULL,
           outcome text, context text, district_code text
         ) ON COMMIT DROP`,
      );
    } else await tx.query(`DELETE FROM ${stagingTable}`);
    const locator = this.locator;
    await this.stage(
      tx,
      batch.map(({ id, crime }) => ({
        id,
        crime,
        districtCode: crime.lon === null || crime.lat === null ? null : locator.at(crime.lon, crime.lat),
      })),
    );
    const months = [...new Set(batch.map(({ crime }) => crime.month))].sort();
    const unpartitioned = months.filter((month) => !this.partitioned.has(month));
    await ensureCrimeEventPartitions(tx, unpartitioned);
    for (const month of unpartitioned) this.partitioned.add(month);
    const written = { inserted: 0, updated: 0 };
    for (const month of months) {
      const [counts] = await tx.query<WriteCounts>(upsertMonth, [month]);
      written.inserted += counts?.inserted ?? 0;
      written.updated += counts?.updated ?? 0;
    }
    return written;
  }

  private async stage(tx: Sql, batch: readonly StagedCrime[]): Promise<void> {
    if (!tx.copyFrom) {
      await bulkInsert(tx, stagingTable, batch, stagingColumnSpecs);
      return;
    }
    let text = '';
    for (const { id, crime, districtCode } of batch) {
      text += copyTextRow([
        id,
        crime.crimeId,
        crime.month,
        crime.reportedBy,
        crime.fallsWithin,
        crime.lon,
        crime.lat,
        crime.location,
        crime.lsoaCode,
        crime.lsoaName,
        crime.crimeType,
        crime.outcome,
        crime.context,
        districtCode,
      ]);
    }
    await tx.copyFrom(stagingTable, stagingColumns, text);
  }
}

/** The staged rows of one month ($1) into crime_event: only new or changed rows; says how many of each. */
const upsertMonth = `WITH changed AS (
    SELECT s.*, p.geom, c.id IS NULL AS is_new
    FROM ${stagingTable} s
    CROSS JOIN LATERAL (SELECT CASE WHEN s.lon IS NULL THEN NULL
                                    ELSE ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END AS geom) AS p
    LEFT JOIN crime_event c ON c.id = s.id AND c.month = $1::date
    WHERE s.month = $1::date
      AND (c.id IS NULL
           OR (c.reported_by, c.falls_within, c.location, c.lsoa_code, c.lsoa_name, c.crime_type, c.outcome,
               c.context, c.crime_id) IS DISTINCT FROM
              (s.reported_by, s.falls_within, s.location, s.lsoa_code, s.lsoa_name, s.crime_type, s.outcome,
               s.context, s.crime_id)
           OR NOT (c.geom IS NOT DISTINCT FROM p.geom))
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

/** The staging rows as unnest arrays, for a handle without COPY. */
const stagingColumnSpecs: ColumnSpec<StagedCrime>[] = [
  { column: 'id', type: 'text', value: (row) => row.id },
  { column: 'crime_id', type: 'text', value: (row) => row.crime.crimeId },
  { column: 'month', type: 'date', value: (row) => row.crime.month },
  { column: 'reported_by', type: 'text', value: (row) => row.crime.reportedBy },
  { column: 'falls_within', type: 'text', value: (row) => row.crime.fallsWithin },
  { column: 'lon', type: 'float8', value: (row) => row.crime.lon },
  { column: 'lat', type: 'float8', value: (row) => row.crime.lat },
  { column: 'location', type: 'text', value: (row) => row.crime.location },
  { column: 'lsoa_code', type: 'text', value: (row) => row.crime.lsoaCode },
  { column: 'lsoa_name', type: 'text', value: (row) => row.crime.lsoaName },
  { column: 'crime_type', type: 'text', value: (row) => row.crime.crimeType },
  { column: 'outcome', type: 'text', value: (row) => row.crime.outcome },
  { column: 'context', type: 'text', value: (row) => row.crime.context },
  { column: 'district_code', type: 'text', value: (row) => row.districtCode },
];

/**
 * Gives each row of one file its natural key. A row with a Crime ID is keyed by it; police.uk
 * publishes anti-social behaviour without one, so those rows are keyed by a SHA-256 of their
 * content. Identical rows (and, in the real files, the same Crime ID on two different rows) are
 * separate records, told apart by their order within the file: "<key>#2", "<key>#3" …
 * Re-importing the same file therefore yields the same keys.
 */
export class PoliceUkKeyer {
  private readonly seen = new Map<string, number>();

  next(crime: CrimeEventInput): string {
    const base = crime.crimeId ?? `asb:${contentHash(crime)}`;
    const occurrence = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, occurrence);
    return occurrence === 1 ? base : `${base}#${occurrence}`;
  }
}

function contentHash(crime: CrimeEventInput): string {
  const content = [
    crime.month,
    crime.reportedBy,
    crime.fallsWithin,
    crime.lon ?? '',
    crime.lat ?? '',
    crime.location ?? '',
    crime.lsoaCode ?? '',
    crime.crimeType,
    crime.outcome ?? '',
    crime.context ?? '',
  ].join('\u001f');
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}
