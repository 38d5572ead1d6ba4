import type { FieldProblem } from '../app-error.ts';
import { type MissingEpisodeFields, missingEpisodeColumns } from './parse-missing-episode-row.ts';

export type MissingEpisodeLayout =
  | { ok: true; toFields(record: readonly string[]): MissingEpisodeFields }
  | { ok: false; problem: FieldProblem };

/**
 * Reads the header row of a missing-episodes CSV: every documented column must be there (in any
 * order; names are matched ignoring case and surrounding spaces); other columns are ignored.
 *
 * @example
 * missingEpisodeLayout(['episode_ref', 'child_ref'], 'e.csv', 1);
 * // → { ok: false, problem: { file: 'e.csv', line: 1, message: 'missing columns: sex, date_of_birth, …' } }
 */
export function missingEpisodeLayout(header: readonly string[], file: string, line = 1): MissingEpisodeLayout {
  const names = header.map((name) => name.trim().toLowerCase());
  const duplicate = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    return { ok: false, problem: { file, line, field: duplicate, message: 'the header names this column twice' } };
  }
  const missing = missingEpisodeColumns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `not a missing-episodes CSV: missing columns ${missing.join(', ')} (expected ${missingEpisodeColumns.join(',')})`,
      },
    };
  }
  const positions = missingEpisodeColumns.map((column) => names.indexOf(column));
  return {
    ok: true,
    toFields: (record) =>
      Object.fromEntries(
        missingEpisodeColumns.map((column, index) => [column, record[positions[index] as number] ?? '']),
      ) as MissingEpisodeFields,
  };
}
