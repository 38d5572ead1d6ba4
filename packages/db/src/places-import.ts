import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, type FieldProblem, formatProblem, type PlaceImportRow, parsePlaceFeature } from '@lantern/domain';
import { appendAuditSql } from './audit.ts';
import { type CsvImportCounts, importRecords } from './csv-import.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * `lantern import places`: a GeoJSON FeatureCollection of Point features (docs/ARCHITECTURE.md)
 * into place_of_concern, through the same all-or-nothing core as the CSV imports. The natural
 * key is `place_ref` (place_of_concern.external_ref): a known place is updated only when
 * something differs, so importing the same file again changes nothing. The district comes from
 * the point, as for `places.create`: the trigger sets it, and a point outside every district is
 * a bad feature. Every place created or changed is audited in the same transaction.
 */
export interface PlacesImportOptions {
  skipInvalid?: boolean;
  /** Receives each rejected feature as it was in the file, its index in `features` and its problems. */
  onReject?: (feature: unknown, index: number, problems: readonly FieldProblem[]) => void;
}
export type PlacesImportReport = CsvImportCounts;

/** GeoJSON is read whole; a county's places of concern are thousands, far below this. */
const maxBytes = 50 * 1024 * 1024;

interface ImportRow extends PlaceImportRow {
  index: number;
}

export async function importPlacesFile(
  sql: TransactionalSql,
  path: string,
  options: PlacesImportOptions = {},
): Promise<PlacesImportReport> {
  const text = await readFile(path, 'utf8');
  return importPlacesText(sql, text, basename(path), options);
}

function refuse(file: string, message: string, field?: string): never {
  const problem: FieldProblem = { file, ...(field ? { field } : {}), message };
  throw new AppError('BAD_INPUT', formatProblem(problem), [problem]);
}

export async function importPlacesText(
  sql: TransactionalSql,
  text: string,
  file: string,
  options: PlacesImportOptions = {},
): Promise<PlacesImportReport> {
  if (text.length > maxBytes) refuse(file, `is larger than ${maxBytes / 1024 / 1024} MB`);
  let collection: unknown;
  try {
    collection = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    refuse(file, `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof collection !== 'object' || collection === null || Array.isArray(collection)) {
    refuse(file, 'must be a GeoJSON FeatureCollection', 'type');
  }
  const { type, features } = collection as { type?: unknown; features?: unknown };
  if (type !== 'FeatureCollection') refuse(file, `must be "FeatureCollection" (got ${JSON.stringify(type)})`, 'type');
  if (!Array.isArray(features)) refuse(file, 'must be an array of Point features', 'features');

  const firstIndexOfRef = new Map<string, number>();
  const records = [(features as unknown[]).map((feature, index) => ({ record: feature, line: index }))];
  return importRecords<unknown, ImportRow>(
    sql,
    records,
    file,
    {
      noun: 'feature',
      async parse(feature, index, tx) {
        const parsed = parsePlaceFeature(feature, index, file);
        if (!parsed.ok) return parsed;
        const problems: FieldProblem[] = [];
        const { place } = parsed;
        const earlier = firstIndexOfRef.get(place.placeRef);
        if (earlier !== undefined) {
          problems.push({
            file,
            feature: index,
            field: 'place_ref',
            value: place.placeRef,
            message: `is already feature ${earlier}`,
          });
        } else firstIndexOfRef.set(place.placeRef, index);
        const [district] = await tx.query<{ code: string | null }>(
          'SELECT lantern_district_for_point(ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)) AS code',
          [place.lon, place.lat],
        );
        if (!district?.code) {
          problems.push({
            file,
            feature: index,
            field: 'geometry.coordinates',
            value: `[${place.lon}, ${place.lat}]`,
            message: 'is outside every district Lantern covers',
          });
        }
        return problems.length > 0 ? { ok: false, problems } : { ok: true, row: { ...place, index } };
      },
      write: upsertPlaces,
    },
    {
      skipInvalid: options.skipInvalid,
      onReject: (feature, index, problems) => options.onReject?.(feature, index, problems),
    },
  );
}

async function upsertPlaces(tx: Sql, batch: ImportRow[]) {
  // One JSON parameter for the batch: the same on both backends, whatever the reasons hold.
  const json = JSON.stringify(
    batch.map((row) => ({
      external_ref: row.placeRef,
      name: row.name,
      category: row.category,
      address: row.address,
      lon: row.lon,
      lat: row.lat,
      concern_since: row.concernSince,
      concern_until: row.concernUntil,
      reasons: row.reasons,
    })),
  );
  const rows = await tx.query<{ id: string; inserted: boolean }>(
    `INSERT INTO place_of_concern AS pc (external_ref, name, category, address, geom, concern_since, concern_until, reasons)
     SELECT t.external_ref, t.name, t.category::place_category, t.address,
            ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326), t.concern_since, t.concern_until,
            ARRAY(SELECT jsonb_array_elements_text(t.reasons))
     FROM jsonb_to_recordset($1::jsonb) AS t(external_ref text, name text, category text, address text, lon float8,
                                             lat float8, concern_since date, concern_until date, reasons jsonb)
     ON CONFLICT (external_ref) DO UPDATE SET
       name = EXCLUDED.name, category = EXCLUDED.category, address = EXCLUDED.address, geom = EXCLUDED.geom,
       concern_since = EXCLUDED.concern_since, concern_until = EXCLUDED.concern_until, reasons = EXCLUDED.reasons,
       version = pc.version + 1, updated_at = now()
     WHERE (pc.name, pc.category, pc.address, pc.concern_since, pc.concern_until, pc.reasons) IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.category, EXCLUDED.address, EXCLUDED.concern_since, EXCLUDED.concern_until,
            EXCLUDED.reasons)
        OR NOT ST_Equals(pc.geom, EXCLUDED.geom)
     RETURNING id::text AS id, (xmax = 0) AS inserted`,
    [json],
  );
  const created = rows.filter((row) => row.inserted).map((row) => row.id);
  const changed = rows.filter((row) => !row.inserted).map((row) => row.id);
  for (const [action, ids] of [
    ['create', created],
    ['update', changed],
  ] as const) {
    if (ids.length === 0) continue;
    await appendAuditSql(tx, {
      userId: null,
      role: null,
      action,
      procedure: 'import.places',
      recordType: 'place',
      recordIds: ids,
      reason: null,
      details: {},
    });
  }
  return { inserted: created.length, updated: changed.length };
}
