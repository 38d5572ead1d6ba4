import { AppError, type FieldProblem, formatProblem } from '@lantern/domain/app-error';
import { Parser } from 'csv-parse';

/*
 * What every CSV import reads its file with. Kept apart from csv-import.ts, and importing only
 * the domain's error module, because the police.uk import's reader thread loads it too
 * (police-uk-read-work.ts), and a thread that loads less starts sooner.
 */

/** A record as the CSV reader gives it, with the line it ends on (a quoted field may span several). */
export interface CsvRecord {
  record: string[];
  line: number;
}

/**
 * The CSV reader of every import: records with their line, a byte-order mark dropped, empty
 * lines skipped, and a malformed row reported (its 'skip' event) instead of ending the file.
 * Each record is emitted as a `CsvRecord`.
 */
export function csvParser(): Parser {
  return new LinedParser({
    bom: true,
    skip_empty_lines: true,
    relax_quotes: false,
    skip_records_with_error: true,
  });
}

/**
 * csv-parse with each record's line taken from its live counters (`info`, which it documents)
 * as the record is pushed, the moment csv-parse's own `info` option reads them. That option
 * copies every counter into a new object per record, which was most of the reading time of a
 * police.uk file (830–950 ms of 52,101 rows against 300 ms without it).
 */
class LinedParser extends Parser {
  override push(record: string[] | null, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    return super.push({ record, line: this.info.lines } satisfies CsvRecord);
  }
}

/** The problem of a row csv-parse could not read (its 'skip' event's error). */
export function malformedRow(file: string, error: Error & { lines?: number }): FieldProblem {
  return { file, line: error.lines, message: `malformed CSV row: ${error.message}` };
}

/** A file without even a header row. */
export function emptyFile(file: string, expectedHeader: string): AppError {
  const problem = { file, line: 1, message: `the file is empty: ${expectedHeader}` };
  return new AppError('BAD_INPUT', formatProblem(problem), [problem]);
}

/**
 * A field PostgreSQL cannot store as text (a NUL byte) is bad input of its row, named by line and
 * column, like any other bad value; it must not reach the database and fail the whole import.
 */
export function unstorableField(
  file: string,
  header: readonly string[],
  record: readonly string[],
  line: number,
): { ok: false; problems: FieldProblem[] } | null {
  const problems: FieldProblem[] = [];
  record.forEach((value, index) => {
    if (value.includes('\u0000')) {
      problems.push({
        file,
        line,
        field: header[index] ?? `column ${index + 1}`,
        message: 'contains a NUL byte (0x00), which text cannot hold',
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : null;
}
