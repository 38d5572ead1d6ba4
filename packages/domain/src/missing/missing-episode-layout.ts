import type { FieldProblem } from '../app-error.ts';
import { csvLayout } from '../csv-layout.ts';
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
  return csvLayout(missingEpisodeColumns, header, file, 'a missing-episodes CSV', line);
}
