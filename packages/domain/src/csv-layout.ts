import type { FieldProblem } from './app-error.ts';

export type CsvLayout<Column extends string> =
  | { ok: true; toFields(record: readonly string[]): Record<Column, string> }
  | { ok: false; problem: FieldProblem };

/**
 * Reads the header row of one of Lantern's CSV formats: every documented column must be there
 * (in any order; names are matched ignoring case and surrounding spaces); other columns are
 * ignored. `what` names the format in the message, e.g. "a missing-episodes CSV".
 */
export function csvLayout<Column extends string>(
  columns: readonly Column[],
  header: readonly string[],
  file: string,
  what: string,
  line = 1,
): CsvLayout<Column> {
  const names = header.map((name) => name.trim().toLowerCase());
  const duplicate = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    return { ok: false, problem: { file, line, field: duplicate, message: 'the header names this column twice' } };
  }
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `not ${what}: missing columns ${missing.join(', ')} (expected ${columns.join(',')})`,
      },
    };
  }
  const positions = columns.map((column) => names.indexOf(column));
  return {
    ok: true,
    toFields: (record) =>
      Object.fromEntries(columns.map((column, index) => [column, record[positions[index] as number] ?? ''])) as Record<
        Column,
        string
      >,
  };
}
