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

/** The 14 crime types data.police.uk publishes for street-level crime. */
export const policeUkCrimeTypes = [
  'Anti-social behaviour',
  'Bicycle theft',
  'Burglary',
  'Criminal damage and arson',
  'Drugs',
  'Other crime',
  'Other theft',
  'Possession of weapons',
  'Public order',
  'Robbery',
  'Shoplifting',
  'Theft from the person',
  'Vehicle crime',
  'Violence and sexual offences',
] as const;

/**
 * A reduced extract of police.uk data (one crime type per file, named in the file name, e.g.
 * "2022-nottingham-city-burglary.csv"): month as YYYY-MM-01, longitude, latitude, location with
 * "On or near" removed, LSOA code.
 */
export const policeUkReducedColumns = ['month', 'longitude', 'latitude', 'location', 'lsoa_code'] as const;

export interface PoliceUkLayout {
  kind: 'street' | 'reduced';
  /** Rearranges a record into policeUkColumns order. */
  toStreetFields(record: readonly string[]): string[];
  /** The file's own name for a column, for error messages. */
  columnName(column: PoliceUkColumn): string;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z]+/g, '-');
}

/** Finds the crime type a reduced extract's file name names, e.g. "…-burglary.csv". */
export function crimeTypeFromFileName(file: string): string | undefined {
  const name = slug(file.replace(/\.csv$/i, ''));
  return policeUkCrimeTypes.find((type) => name.endsWith(`-${slug(type)}`) || name === slug(type));
}

/** Recognises a file's header as a street CSV or a reduced extract, or says what is missing. */
export function policeUkLayout(
  header: readonly string[],
  file: string,
  crimeType?: string,
): { ok: true; layout: PoliceUkLayout } | { ok: false; problem: FieldProblem } {
  const trimmed = header.map((name) => name.trim());
  const missing = policeUkColumns.filter((column) => !trimmed.includes(column));
  if (missing.length === 0) {
    const index = policeUkColumns.map((column) => trimmed.indexOf(column));
    return {
      ok: true,
      layout: {
        kind: 'street',
        toStreetFields: (record) => index.map((i) => record[i] ?? ''),
        columnName: (column) => column,
      },
    };
  }
  if (policeUkReducedColumns.every((column) => trimmed.includes(column))) {
    const type = crimeType ?? crimeTypeFromFileName(file);
    if (type === undefined) {
      return {
        ok: false,
        problem: {
          file,
          line: 1,
          message: 'a reduced police.uk extract must name its crime type in the file name (e.g. "…-burglary.csv")',
        },
      };
    }
    const at = (record: readonly string[], column: (typeof policeUkReducedColumns)[number]) =>
      record[trimmed.indexOf(column)] ?? '';
    const names: Partial<Record<PoliceUkColumn, string>> = {
      Month: 'month',
      Longitude: 'longitude',
      Latitude: 'latitude',
      Location: 'location',
      'LSOA code': 'lsoa_code',
    };
    return {
      ok: true,
      layout: {
        kind: 'reduced',
        toStreetFields: (record) => {
          const month = at(record, 'month').trim();
          const location = at(record, 'location').trim();
          return [
            '',
            /^\d{4}-\d{2}-01$/.test(month) ? month.slice(0, 7) : month,
            'Nottinghamshire Police',
            'Nottinghamshire Police',
            at(record, 'longitude'),
            at(record, 'latitude'),
            location === '' ? '' : `On or near ${location}`,
            at(record, 'lsoa_code'),
            '',
            type,
            '',
            '',
          ];
        },
        columnName: (column) => names[column] ?? column,
      },
    };
  }
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

/** Validates one record (its fields in policeUkColumns order) and converts it. */
export function parsePoliceUkRow(
  fields: readonly string[],
  file: string,
  line: number,
  columnName: (column: PoliceUkColumn) => string = (column) => column,
): RowResult {
  const get = (column: PoliceUkColumn) => optional(fields[policeUkColumns.indexOf(column)]);
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

  if (problems.length > 0) {
    return {
      ok: false,
      problems: problems.map((problem) =>
        problem.field ? { ...problem, field: columnName(problem.field as PoliceUkColumn) } : problem,
      ),
    };
  }
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
