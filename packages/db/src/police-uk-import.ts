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
import { refreshCrimeTileCells } from './crime-tile-cells.ts';
import { type CsvImportOptions, importCsvStream } from './csv-import.ts';
import type { Sql, TransactionalSql } from './sql.ts';

export { type RejectedRow, rejectsCsv } from './csv-import.ts';

/**
 * Streams a data.police.uk street CSV into crime_event in batches, inside one transaction:
 * a file imports whole or not at all (unless `skipInvalid`), and never sits in memory whole.
 * Upserts on the natural key and only touches rows whose content changed, so importing the
 * same file twice changes nothing.
 */
export interface PoliceUkImportOptions extends CsvImportOptions {
  /** For reduced extracts whose file name does not name the crime type. */
  crimeType?: string;
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
      write: upsertCrimeEvents,
      // The low-zoom map tiles' cells of the months this file touched, before it commits.
      finish: async (tx) => void (await refreshCrimeTileCells(tx)),
    },
    options,
  );
  return { ...counts, withoutLocation };
}

async function upsertCrimeEvents(sql: Sql, batch: Array<{ id: string; crime: CrimeEventInput }>) {
  const column = <T>(pick: (crime: CrimeEventInput) => T) => batch.map(({ crime }) => pick(crime));
  const rows = await sql.query<{ inserted: boolean }>(
    `INSERT INTO crime_event AS c (id, crime_id, month, reported_by, falls_within, geom, location, lsoa_code, lsoa_name,
                                   crime_type, outcome, context, district_code)
     SELECT t.id, t.crime_id, t.month, t.reported_by, t.falls_within, p.geom, t.location, t.lsoa_code, t.lsoa_name,
            t.crime_type, t.outcome, t.context, lantern_district_for_point(p.geom)
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[],
                 $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
          AS t(id, crime_id, month, reported_by, falls_within, lon, lat, location, lsoa_code, lsoa_name, crime_type,
               outcome, context)
     CROSS JOIN LATERAL (SELECT CASE WHEN t.lon IS NULL THEN NULL
                                     ELSE ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326) END AS geom) AS p
     ON CONFLICT (id) DO UPDATE SET
       crime_id = EXCLUDED.crime_id, month = EXCLUDED.month, reported_by = EXCLUDED.reported_by,
       falls_within = EXCLUDED.falls_within, geom = EXCLUDED.geom, location = EXCLUDED.location,
       lsoa_code = EXCLUDED.lsoa_code, lsoa_name = EXCLUDED.lsoa_name, crime_type = EXCLUDED.crime_type,
       outcome = EXCLUDED.outcome, context = EXCLUDED.context, district_code = EXCLUDED.district_code
     WHERE (c.month, c.reported_by, c.falls_within, c.location, c.lsoa_code, c.lsoa_name, c.crime_type, c.outcome,
            c.context) IS DISTINCT FROM
           (EXCLUDED.month, EXCLUDED.reported_by, EXCLUDED.falls_within, EXCLUDED.location, EXCLUDED.lsoa_code,
            EXCLUDED.lsoa_name, EXCLUDED.crime_type, EXCLUDED.outcome, EXCLUDED.context)
        OR NOT (c.geom IS NOT DISTINCT FROM EXCLUDED.geom)
     RETURNING (xmax = 0) AS inserted`,
    [
      batch.map(({ id }) => id),
      column((c) => c.crimeId),
      column((c) => c.month),
      column((c) => c.reportedBy),
      column((c) => c.fallsWithin),
      column((c) => c.lon),
      column((c) => c.lat),
      column((c) => c.location),
      column((c) => c.lsoaCode),
      column((c) => c.lsoaName),
      column((c) => c.crimeType),
      column((c) => c.outcome),
      column((c) => c.context),
    ],
  );
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted };
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
