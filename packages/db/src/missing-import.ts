import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import {
  AppError,
  formatProblem,
  type MissingEpisodeImportRow,
  missingEpisodeColumns,
  missingEpisodeLayout,
  parseMissingEpisodeRow,
} from '@lantern/domain';
import { type CsvImportCounts, type CsvImportOptions, importCsvStream } from './csv-import.ts';
import { ChildRowConsistency, type ImportedChild, resolveImportedChildren } from './import-children.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * `lantern import missing-episodes`: the missing-episodes CSV (docs/ARCHITECTURE.md) into
 * missing_episode, streamed, all-or-nothing unless `skipInvalid`, idempotent on `episode_ref`
 * (an unchanged row is not touched; a changed one is updated and its version bumped).
 *
 * `child_ref` is the case system's id of the child, kept in person.external_ref. A child Lantern
 * does not know yet is created as a synthetic record named after that reference ("Child
 * CH-123456"), with the sex, date of birth and care status of the file, and the district where
 * the child was first last seen as home district. A known child's record is left as it is.
 * An episode's district is where the child was last seen, else found, else the child's home.
 */
export type MissingImportOptions = CsvImportOptions;
export type MissingImportReport = CsvImportCounts & { childrenCreated: number };

interface ImportRow extends MissingEpisodeImportRow {
  line: number;
}

export async function importMissingEpisodesFile(
  sql: TransactionalSql,
  path: string,
  options: MissingImportOptions = {},
): Promise<MissingImportReport> {
  return importMissingEpisodesStream(sql, createReadStream(path), basename(path), options);
}

export async function importMissingEpisodesStream(
  sql: TransactionalSql,
  input: Readable,
  file: string,
  options: MissingImportOptions = {},
): Promise<MissingImportReport> {
  let childrenCreated = 0;
  const counts = await importCsvStream<ImportRow>(
    sql,
    input,
    file,
    {
      expectedHeader: `expected the header ${missingEpisodeColumns.join(',')}`,
      header(record) {
        const layout = missingEpisodeLayout(record, file);
        if (!layout.ok) throw new AppError('BAD_INPUT', formatProblem(layout.problem), [layout.problem]);
        const consistency = new ChildRowConsistency(file, 'episode_ref');
        return (row, line) => {
          const parsed = parseMissingEpisodeRow(layout.toFields(row), file, line);
          if (!parsed.ok) return parsed;
          const problems = consistency.check(parsed.episode.episodeRef, parsed.episode, line);
          return problems.length > 0 ? { ok: false, problems } : { ok: true, row: { ...parsed.episode, line } };
        };
      },
      async write(tx, batch) {
        const children = await resolveImportedChildren(tx, childrenOf(batch), file);
        childrenCreated += children.created;
        return upsertEpisodes(tx, batch, children.idOf);
      },
    },
    options,
  );
  return { ...counts, childrenCreated };
}

/** One entry per child of the batch: a new child's home district is where the batch first has it last seen. */
function childrenOf(batch: readonly ImportRow[]): ImportedChild[] {
  const firstRow = new Map<string, ImportRow>();
  for (const row of batch) {
    const first = firstRow.get(row.childRef);
    if (!first || (first.lastSeen === null && row.lastSeen !== null)) firstRow.set(row.childRef, row);
  }
  return [...firstRow.values()].map((row) => ({
    childRef: row.childRef,
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    careStatus: row.careStatus,
    homeDistrictCode: null,
    homePoint: row.lastSeen,
    line: row.line,
  }));
}

async function upsertEpisodes(tx: Sql, batch: readonly ImportRow[], idOf: ReadonlyMap<string, string>) {
  const column = <T>(pick: (row: ImportRow) => T) => batch.map(pick);
  const iso = (instant: Date | null) => instant?.toISOString() ?? null;
  const rows = await tx.query<{ inserted: boolean }>(
    `INSERT INTO missing_episode AS e (episode_ref, person_id, care_status, police_risk, reported_at, returned_at,
                                       last_seen_geom, found_geom, district_code, rhi_service, rhi_completed_at,
                                       mam_held_at)
     SELECT t.episode_ref, t.person_id, t.care_status::care_status, t.police_risk::police_risk, t.reported_at,
            t.returned_at, g.last_seen, g.found,
            coalesce(lantern_district_for_point(g.last_seen), lantern_district_for_point(g.found), p.home_district_code),
            t.rhi_service::rhi_service, t.rhi_completed_at, t.mam_held_at
     FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                 $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::timestamptz[],
                 $13::timestamptz[])
          AS t(episode_ref, person_id, care_status, police_risk, reported_at, returned_at, last_seen_lon,
               last_seen_lat, found_lon, found_lat, rhi_service, rhi_completed_at, mam_held_at)
     JOIN person p ON p.id = t.person_id
     CROSS JOIN LATERAL (
       SELECT CASE WHEN t.last_seen_lon IS NULL THEN NULL
                   ELSE ST_SetSRID(ST_MakePoint(t.last_seen_lon, t.last_seen_lat), 4326) END AS last_seen,
              CASE WHEN t.found_lon IS NULL THEN NULL
                   ELSE ST_SetSRID(ST_MakePoint(t.found_lon, t.found_lat), 4326) END AS found) AS g
     ON CONFLICT (episode_ref) DO UPDATE SET
       person_id = EXCLUDED.person_id, care_status = EXCLUDED.care_status, police_risk = EXCLUDED.police_risk,
       reported_at = EXCLUDED.reported_at, returned_at = EXCLUDED.returned_at,
       last_seen_geom = EXCLUDED.last_seen_geom, found_geom = EXCLUDED.found_geom,
       district_code = EXCLUDED.district_code, rhi_service = EXCLUDED.rhi_service,
       rhi_completed_at = EXCLUDED.rhi_completed_at, mam_held_at = EXCLUDED.mam_held_at,
       version = e.version + 1, updated_at = now()
     WHERE (e.person_id, e.care_status, e.police_risk, e.reported_at, e.returned_at, e.district_code, e.rhi_service,
            e.rhi_completed_at, e.mam_held_at) IS DISTINCT FROM
           (EXCLUDED.person_id, EXCLUDED.care_status, EXCLUDED.police_risk, EXCLUDED.reported_at, EXCLUDED.returned_at,
            EXCLUDED.district_code, EXCLUDED.rhi_service, EXCLUDED.rhi_completed_at, EXCLUDED.mam_held_at)
        OR NOT (e.last_seen_geom IS NOT DISTINCT FROM EXCLUDED.last_seen_geom)
        OR NOT (e.found_geom IS NOT DISTINCT FROM EXCLUDED.found_geom)
     RETURNING (xmax = 0) AS inserted`,
    [
      column((row) => row.episodeRef),
      column((row) => idOf.get(row.childRef) as string),
      column((row) => row.careStatus),
      column((row) => row.policeRisk),
      column((row) => row.reportedAt.toISOString()),
      column((row) => iso(row.returnedAt)),
      column((row) => row.lastSeen?.lon ?? null),
      column((row) => row.lastSeen?.lat ?? null),
      column((row) => row.found?.lon ?? null),
      column((row) => row.found?.lat ?? null),
      column((row) => row.rhiService),
      column((row) => iso(row.rhiCompletedAt)),
      column((row) => iso(row.mamHeldAt)),
    ],
  );
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted };
}
