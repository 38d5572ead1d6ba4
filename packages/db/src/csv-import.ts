import { pipeline, type Readable } from 'node:stream';
import { AppError, type FieldProblem, formatProblem } from '@lantern/domain';
import { stringify } from 'csv-stringify/sync';
import { type CsvRecord, csvParser, emptyFile, malformedRow, unstorableField } from './csv-reader.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * The skeleton every CSV import shares: the file is streamed (never in memory whole) through
 * csv-parse into batches written inside one transaction. By default a file imports whole or not
 * at all, and reading goes on past the first bad row so every bad row is listed by line, field
 * and value; with `skipInvalid` the valid rows are kept and the rest reported.
 */
export interface CsvImportOptions {
  /** Import the valid rows and report the rest instead of rejecting the file. */
  skipInvalid?: boolean;
  /** Receives each rejected row with the file's header, its line and what is wrong with it. */
  onReject?: (reject: RejectedRow) => void;
  batchSize?: number;
  /** Told the rows read so far, after each batch (for a progress bar). */
  onProgress?: ((rows: number) => void) | undefined;
}

export interface RejectedRow {
  header: readonly string[];
  record: readonly string[];
  line: number;
  problems: readonly FieldProblem[];
}

/** Renders rejected rows as CSV: the file's own columns, then "Line" and "Problem". */
export function rejectsCsv(reject: RejectedRow, withHeader: boolean): string {
  const row = [...reject.record, String(reject.line), reject.problems.map(formatProblem).join('; ')];
  return stringify(withHeader ? [[...reject.header, 'Line', 'Problem'], row] : [row]);
}

export type CsvRowResult<Row> = { ok: true; row: Row } | { ok: false; problems: FieldProblem[] };

export interface CsvImportSpec<Row> {
  /** Checks the header row and returns the parser for the file's rows; throws AppError when it is not this kind of file. */
  header(record: string[]): (record: string[], line: number) => CsvRowResult<Row>;
  /** Said when the file has no header row, e.g. 'expected a data.police.uk header row'. */
  expectedHeader: string;
  /** Writes one batch of valid rows; says how many were new and how many changed. */
  write(tx: Sql, batch: Row[]): Promise<{ inserted: number; updated: number }>;
  /** Runs after the last batch, in the same transaction (e.g. to bring derived tables up to date). */
  finish?(tx: Sql): Promise<void>;
}

/** How many rows a write added and how many it changed. */
export interface WriteCounts {
  inserted: number;
  updated: number;
}

export interface CsvImportCounts {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  /** Valid rows already stored as they are. */
  unchanged: number;
  rejected: number;
  problems: FieldProblem[];
}

export async function importCsvStream<Row>(
  sql: TransactionalSql,
  input: Readable,
  file: string,
  spec: CsvImportSpec<Row>,
  options: CsvImportOptions = {},
): Promise<CsvImportCounts> {
  const report = emptyCounts(file);
  const parser = csvParser();
  // `pipeline`, unlike `pipe`, destroys the parser with a read error, which bufferedChunks then
  // throws from `errored`; its callback hears the error, so no 'error' event goes unheard.
  pipeline(input, parser, () => undefined);
  parser.on('skip', (error: Error & { lines?: number }) => {
    report.problems.push(malformedRow(file, error));
    report.rejected += 1;
  });
  let header: string[] = [];
  let parseRow: ((record: string[], line: number) => CsvRowResult<Row>) | undefined;
  // The header row is not a record: it chooses the row parser. A file without one is refused.
  async function* rows(): AsyncIterable<Array<{ record: string[]; line: number }>> {
    for await (const parsed of bufferedChunks<CsvRecord>(parser)) {
      const chunk: Array<{ record: string[]; line: number }> = [];
      for (const { record, line } of parsed) {
        if (parseRow === undefined) {
          header = record;
          parseRow = spec.header(record);
          continue;
        }
        chunk.push({ record, line });
      }
      yield chunk;
    }
    if (parseRow === undefined) throw emptyFile(file, spec.expectedHeader);
  }
  return importRecords(
    sql,
    rows(),
    file,
    {
      parse: (record, line) =>
        unstorableField(file, header, record, line) ?? (parseRow as NonNullable<typeof parseRow>)(record, line),
      write: (tx, batch) => spec.write(tx, batch),
      finish: async (tx) => spec.finish?.(tx),
    },
    {
      ...options,
      onReject: (record, line, problems) => options.onReject?.({ header, record, line, problems }),
    },
    report,
  );
}

export function emptyCounts(file: string): CsvImportCounts {
  return { file, rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, problems: [] };
}

/** What an import of any format does with its records: parse each, write the valid ones in batches. */
export interface RecordImportSpec<Source, Row> {
  /** Runs first in the transaction, before any record is read (e.g. to read what parsing needs). */
  start?(tx: Sql): Promise<void>;
  /** May ask the database (in the import's transaction), e.g. which district a point is in. */
  parse(record: Source, line: number, tx: Sql): CsvRowResult<Row> | Promise<CsvRowResult<Row>>;
  write(tx: Sql, batch: Row[]): Promise<{ inserted: number; updated: number }>;
  finish?(tx: Sql): Promise<void>;
  /** What a record is called in messages: "row" (CSV, the default) or "feature" (GeoJSON). */
  noun?: string;
}

export interface RecordImportOptions<Source> {
  skipInvalid?: boolean | undefined;
  onReject?: ((record: Source, line: number, problems: readonly FieldProblem[]) => void) | undefined;
  batchSize?: number | undefined;
  /** Told the records read so far, after each batch (for a progress bar). */
  onProgress?: ((records: number) => void) | undefined;
}

/**
 * The core every import shares, whatever the file's format: inside one transaction, each record
 * is parsed and the valid ones written in batches. By default one bad record imports nothing,
 * and reading goes on so every bad record is listed; with `skipInvalid` the valid ones are kept.
 * `line` is how a record is located in its file (a CSV line, a GeoJSON feature's index).
 */
export async function importRecords<Source, Row>(
  sql: TransactionalSql,
  records:
    | AsyncIterable<ReadonlyArray<{ record: Source; line: number }>>
    | Iterable<ReadonlyArray<{ record: Source; line: number }>>,
  file: string,
  spec: RecordImportSpec<Source, Row>,
  options: RecordImportOptions<Source> = {},
  report: CsvImportCounts = emptyCounts(file),
): Promise<CsvImportCounts> {
  const batchSize = options.batchSize ?? 2000;
  const noun = spec.noun ?? 'row';
  await sql.transaction(async (tx) => {
    await spec.start?.(tx);
    let batch: Row[] = [];
    // One batch is written while the next is read: on PostgreSQL the database's work and the
    // parsing overlap, one core each. A write's error is thrown at the next flush or at the end.
    let writing: Promise<void> | undefined;
    // The first batch is an eighth of the size, each next one twice the last up to `batchSize`:
    // the database starts on a file's rows sooner instead of waiting for a whole batch to be read.
    let limit = Math.max(1, Math.ceil(batchSize / 8));
    const flush = async () => {
      await writing;
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      writing = spec.write(tx, rows).then((counts) => {
        report.inserted += counts.inserted;
        report.updated += counts.updated;
      });
      // Settled before the transaction ends (finally below); never an unhandled rejection meanwhile.
      writing.catch(() => undefined);
    };
    try {
      for await (const chunk of records)
        for (const { record, line } of chunk) {
          report.rows += 1;
          const result = await spec.parse(record, line, tx);
          if (!result.ok) {
            report.rejected += 1;
            report.problems.push(...result.problems);
            options.onReject?.(record, line, result.problems);
            continue;
          }
          // All-or-nothing: once a record is bad nothing will be kept, but reading on lists every bad one.
          if (report.rejected > 0 && !options.skipInvalid) continue;
          batch.push(result.row);
          if (batch.length >= limit) {
            limit = Math.min(batchSize, 2 * limit);
            await flush();
            options.onProgress?.(report.rows);
          }
        }
      if (report.rejected > 0 && !options.skipInvalid) {
        const shown = report.problems.slice(0, 20).map(formatProblem);
        const more =
          report.problems.length > shown.length ? `\n… and ${report.problems.length - shown.length} more` : '';
        throw new AppError(
          'BAD_INPUT',
          `${file}: ${report.rejected} invalid ${noun}${report.rejected > 1 ? 's' : ''}; nothing was imported (use --skip-invalid to import the rest)\n${shown.join('\n')}${more}`,
          report.problems,
        );
      }
      await flush();
      await writing;
    } finally {
      // The transaction ends (commits or rolls back) only once no write is on its way.
      await writing?.catch(() => undefined);
    }
    await spec.finish?.(tx);
  });
  report.unchanged = report.rows - report.rejected - report.inserted - report.updated;
  return report;
}

/**
 * An object stream's records in the chunks it has buffered, each taken at once: iterating the
 * stream itself costs a promise per record, about a fifth of reading a police.uk file. The stream's
 * error is thrown from `errored`; the caller keeps an 'error' listener on it from the start.
 */
async function* bufferedChunks<T>(stream: Readable): AsyncIterable<T[]> {
  for (;;) {
    const chunk: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) chunk.push(item);
    if (chunk.length > 0) {
      yield chunk;
      continue;
    }
    if (stream.errored) throw stream.errored;
    if (stream.readableEnded) return;
    // As iterating the stream would: a stream cut short must not pass for a whole file.
    if (stream.destroyed) throw new Error('the CSV stream closed before its end');
    await new Promise<void>((resolve) => {
      const settle = () => {
        for (const event of ['readable', 'end', 'close', 'error']) stream.off(event, settle);
        resolve();
      };
      for (const event of ['readable', 'end', 'close', 'error']) stream.on(event, settle);
    });
  }
}
