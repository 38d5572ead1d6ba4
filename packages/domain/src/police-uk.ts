import type { FieldProblem } from './app-error.ts';

/**
 * data.police.uk street-level crime CSVs: the columns, the rules a row must meet, and the
 * natural key of each row. Pure: the importer in packages/db streams files through these.
 */
export const policeUkColumns = [
  'Crime ID',
  'Month',
  'Reported by',
  'Falls within',
  'Longitude',
  'Latitude',
  'Location',
  'LSOA code',
  'LSOA name',
  'Crime type',
  'Last outcome category',
  'Context',
] as const;
export type PoliceUkColumn = (typeof policeUkColumns)[number];

export interface CrimeEventInput {
  crimeId: string | null;
  /** First day of the month, 'YYYY-MM-01'. */
  month: string;
  reportedBy: string;
  fallsWithin: string;
  lon: number | null;
  lat: number | null;
  location: string | null;
  lsoaCode: string | null;
  lsoaName: string | null;
  crimeType: string;
  outcome: string | null;
  context: string | null;
}

export type RowResult = { ok: true; crime: CrimeEventInput } | { ok: false; problems: FieldProblem[] };

/** Maps each police.uk column to its index in a file's header, or reports the missing ones. */
export function policeUkHeaderIndex(
  header: readonly string[],
  file: string,
): { ok: true; index: Record<PoliceUkColumn, number> } | { ok: false; problem: FieldProblem } {
  const trimmed = header.map((name) => name.trim());
  const missing = policeUkColumns.filter((column) => !trimmed.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      problem: {
        file,
        line: 1,
        message: `not a data.police.uk street CSV: missing column${missing.length > 1 ? 's' : ''} ${missing
          .map((column) => `"${column}"`)
          .join(', ')}`,
      },
    };
  }
  const index = Object.fromEntries(policeUkColumns.map((column) => [column, trimmed.indexOf(column)])) as Record<
    PoliceUkColumn,
    number
  >;
  return { ok: true, index };
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const decimalPattern = /^-?\d{1,3}(\.\d+)?$/;

function optional(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function coordinate(
  value: string | null,
  field: 'Longitude' | 'Latitude',
  limit: number,
  where: Omit<FieldProblem, 'message'>,
  problems: FieldProblem[],
): number | null {
  if (value === null) return null;
  if (!decimalPattern.test(value)) {
    problems.push({ ...where, field, value, message: 'is not a decimal number' });
    return null;
  }
  const number = Number(value);
  if (Math.abs(number) > limit) {
    problems.push({ ...where, field, value, message: `is out of range (-${limit} to ${limit})` });
    return null;
  }
  return number;
}

/** Validates one record (the fields of a row, by header index) and converts it. */
export function parsePoliceUkRow(
  fields: readonly string[],
  index: Record<PoliceUkColumn, number>,
  file: string,
  line: number,
): RowResult {
  const get = (column: PoliceUkColumn) => optional(fields[index[column]]);
  const where = { file, line };
  const problems: FieldProblem[] = [];

  const monthText = get('Month');
  if (monthText === null || !monthPattern.test(monthText)) {
    problems.push({ ...where, field: 'Month', value: monthText ?? '', message: 'must be a month as YYYY-MM' });
  }
  for (const column of ['Reported by', 'Falls within', 'Crime type'] as const) {
    if (get(column) === null) problems.push({ ...where, field: column, message: 'is required' });
  }
  const lonText = get('Longitude');
  const latText = get('Latitude');
  if ((lonText === null) !== (latText === null)) {
    const field = lonText === null ? 'Longitude' : 'Latitude';
    problems.push({ ...where, field, message: 'is empty while the other coordinate is given' });
  }
  const lon = coordinate(lonText, 'Longitude', 180, where, problems);
  const lat = coordinate(latText, 'Latitude', 90, where, problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    crime: {
      crimeId: get('Crime ID'),
      month: `${monthText}-01`,
      reportedBy: get('Reported by') ?? '',
      fallsWithin: get('Falls within') ?? '',
      lon: lonText === null ? null : lon,
      lat: latText === null ? null : lat,
      location: get('Location'),
      lsoaCode: get('LSOA code'),
      lsoaName: get('LSOA name'),
      crimeType: get('Crime type') ?? '',
      outcome: get('Last outcome category'),
      context: get('Context'),
    },
  };
}
