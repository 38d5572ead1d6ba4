import { createHash } from 'node:crypto';
import { AppError, type FieldProblem, formatProblem } from '@lantern/domain/app-error';
import { type CrimeEventInput, parsePoliceUkRow, policeUkLayout } from '@lantern/domain/police-uk';
import { copyTextRow } from './copy-text.ts';
import { unstorableField } from './csv-reader.ts';
import { DistrictLocator, type DistrictRow } from './district-locator.ts';

/**
 * What a police.uk street CSV's records become before they reach the database: checked,
 * keyed, located in their district and formatted as staging rows in COPY's text format. It runs
 * on the import's reader thread (police-uk-reader.ts), so it holds nothing of the database but
 * the districts read in the import's transaction.
 */

/** crime_event's columns, in the order of a staged row's fields (the staging table has the same). */
export const crimeEventColumns = [
  'id',
  'crime_id',
  'month',
  'reported_by',
  'falls_within',
  'geom',
  'location',
  'lsoa_code',
  'lsoa_name',
  'crime_type',
  'outcome',
  'context',
  'district_code',
] as const;

/**
 * A WGS 84 point as PostGIS reads it in COPY's text format: hex EWKB (little-endian, a Point with
 * its SRID, 4326), the form `ST_SetSRID(ST_MakePoint(lon, lat), 4326)::text` gives, so the row
 * needs no geometry function on its way in.
 */
export function pointEwkbHex(lon: number, lat: number): string {
  pointBytes.writeDoubleLE(lon, 9);
  pointBytes.writeDoubleLE(lat, 17);
  return pointBytes.toString('hex');
}
const pointBytes = Buffer.alloc(25);
pointBytes.writeUInt8(1, 0);
pointBytes.writeUInt32LE(0x2000_0001, 1);
pointBytes.writeUInt32LE(4326, 5);

/** One record of a file as read, by its line: a staged row, a bad row, or a row CSV cannot read. */
export type PoliceUkItem =
  | { kind: 'staged'; line: number; month: string; staged: string; withoutLocation: boolean }
  | { kind: 'invalid'; line: number; record: string[]; problems: FieldProblem[] }
  | { kind: 'malformed'; problem: FieldProblem };

/** Reads one file's records, the header row first: each record is checked, keyed and located. */
export class PoliceUkRows {
  private readonly keyer = new PoliceUkKeyer();
  private readonly locator: DistrictLocator;
  private rowParser: ((record: string[], line: number) => PoliceUkItem) | undefined;
  header: string[] | undefined;

  constructor(
    private readonly file: string,
    private readonly crimeType: string | undefined,
    districts: readonly DistrictRow[],
  ) {
    this.locator = new DistrictLocator(districts);
  }

  /** The header row chooses the layout; throws AppError when the file is not a police.uk street CSV. */
  read(record: string[], line: number): PoliceUkItem | undefined {
    if (this.rowParser) return this.rowParser(record, line);
    const result = policeUkLayout(record, this.file, this.crimeType);
    if (!result.ok) throw new AppError('BAD_INPUT', formatProblem(result.problem), [result.problem]);
    const { layout } = result;
    const header = record;
    this.header = header;
    this.rowParser = (row, rowLine) => {
      const unstorable = unstorableField(this.file, header, row, rowLine);
      if (unstorable) return { kind: 'invalid', line: rowLine, record: row, problems: unstorable.problems };
      const parsed = parsePoliceUkRow(layout.toStreetFields(row), this.file, rowLine, layout.columnName);
      if (!parsed.ok) return { kind: 'invalid', line: rowLine, record: row, problems: parsed.problems };
      return this.stage(parsed.crime, rowLine);
    };
    return undefined;
  }

  private stage(crime: CrimeEventInput, line: number): PoliceUkItem {
    const located = crime.lon !== null && crime.lat !== null;
    const staged = copyTextRow([
      this.keyer.next(crime),
      crime.crimeId,
      crime.month,
      crime.reportedBy,
      crime.fallsWithin,
      located ? pointEwkbHex(crime.lon as number, crime.lat as number) : null,
      crime.location,
      crime.lsoaCode,
      crime.lsoaName,
      crime.crimeType,
      crime.outcome,
      crime.context,
      located ? this.locator.at(crime.lon as number, crime.lat as number) : null,
    ]);
    return { kind: 'staged', line, month: crime.month, staged, withoutLocation: crime.lon === null };
  }
}

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
