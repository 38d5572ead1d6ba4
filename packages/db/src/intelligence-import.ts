import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import {
  AppError,
  type FieldProblem,
  formatProblem,
  type IntelligenceImportRow,
  intelligenceColumns,
  intelligenceLayout,
  parseIntelligenceRow,
} from '@lantern/domain';
import { type CsvImportCounts, type CsvImportOptions, importCsvStream } from './csv-import.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * `lantern import intelligence`: the intelligence CSV (docs/ARCHITECTURE.md, a stable interface)
 * into intelligence_report, streamed through the shared CSV machinery: all-or-nothing unless
 * `skipInvalid`, idempotent on `report_ref` (the report's reference). A graded row is imported as
 * developed by the police; an ungraded one as received, awaiting evaluation in the analyst's
 * queue. Re-importing never takes a report back: a report an analyst has moved on keeps its
 * status, and an empty grading in the file does not erase a grading made in Lantern.
 * Subjects named by a Lantern reference are matched to that person; names are kept as free text
 * for the analyst to match. Vehicles are kept by registration, matched to known vehicles.
 */
export type IntelligenceImportOptions = CsvImportOptions;
export type IntelligenceImportReport = CsvImportCounts & { awaitingEvaluation: number };

interface ImportRow extends IntelligenceImportRow {
  line: number;
}

export async function importIntelligenceFile(
  sql: TransactionalSql,
  path: string,
  options: IntelligenceImportOptions = {},
): Promise<IntelligenceImportReport> {
  return importIntelligenceStream(sql, createReadStream(path), basename(path), options);
}

export async function importIntelligenceStream(
  sql: TransactionalSql,
  input: Readable,
  file: string,
  options: IntelligenceImportOptions = {},
): Promise<IntelligenceImportReport> {
  const agencyRows = await sql.query<{ id: string; name: string }>('SELECT id, name FROM agency');
  const agencyId = new Map(agencyRows.map((row) => [row.name, row.id]));
  const agencies = new Set(agencyId.keys());
  let awaitingEvaluation = 0;
  const counts = await importCsvStream<ImportRow>(
    sql,
    input,
    file,
    {
      expectedHeader: `expected the header ${intelligenceColumns.join(',')}`,
      header(record) {
        const layout = intelligenceLayout(record, file);
        if (!layout.ok) throw new AppError('BAD_INPUT', formatProblem(layout.problem), [layout.problem]);
        const lines = new Map<string, number>();
        return (row, line) => {
          const parsed = parseIntelligenceRow(layout.toFields(row), file, line, agencies);
          if (!parsed.ok) return parsed;
          const earlier = lines.get(parsed.report.reportRef);
          if (earlier !== undefined) {
            const problem: FieldProblem = {
              file,
              line,
              field: 'report_ref',
              value: parsed.report.reportRef,
              message: `is already on line ${earlier}`,
            };
            return { ok: false, problems: [problem] };
          }
          lines.set(parsed.report.reportRef, line);
          if (parsed.report.grading === null) awaitingEvaluation += 1;
          return { ok: true, row: { ...parsed.report, line } };
        };
      },
      async write(tx, batch) {
        const people = await resolveReferences(tx, batch, file);
        let inserted = 0;
        let updated = 0;
        for (const row of batch) {
          const outcome = await upsertReport(tx, row, agencyId.get(row.agency) as string, people);
          if (outcome === 'inserted') inserted += 1;
          if (outcome === 'updated') updated += 1;
        }
        return { inserted, updated };
      },
    },
    options,
  );
  return { ...counts, awaitingEvaluation };
}

/** The people named by Lantern reference; an unknown reference fails the import naming its line. */
async function resolveReferences(tx: Sql, batch: readonly ImportRow[], file: string) {
  const refs = [
    ...new Set(batch.flatMap((row) => row.subjects.flatMap((s) => ('reference' in s ? [s.reference] : [])))),
  ];
  const found =
    refs.length === 0
      ? []
      : await tx.query<{ id: string; pseudonym_ref: string }>(
          'SELECT id, pseudonym_ref FROM person WHERE pseudonym_ref = ANY($1::text[])',
          [refs],
        );
  const idOf = new Map(found.map((row) => [row.pseudonym_ref, row.id]));
  for (const row of batch) {
    for (const subject of row.subjects) {
      if ('reference' in subject && !idOf.has(subject.reference)) {
        const problem = {
          file,
          line: row.line,
          field: 'subjects',
          value: subject.reference,
          message: 'is not the reference of a person in Lantern',
        };
        throw new AppError('BAD_INPUT', formatProblem(problem), [problem]);
      }
    }
  }
  return idOf;
}

/** What the file says of a report's subjects and vehicles, to compare with what is stored. */
function listsOf(row: ImportRow, people: ReadonlyMap<string, string>) {
  return JSON.stringify({
    subjects: row.subjects.map((s) =>
      'reference' in s ? { person: people.get(s.reference) } : { name: s.name, dateOfBirth: s.dateOfBirth },
    ),
    vehicles: [...row.vehicles].sort(),
  });
}

async function storedLists(tx: Sql, reportId: string): Promise<string> {
  const subjects = await tx.query<{
    name: string | null;
    date_of_birth: string | null;
    named_person_id: string | null;
  }>(
    `SELECT name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, named_person_id::text AS named_person_id
     FROM intelligence_subject WHERE report_id = $1 ORDER BY position`,
    [reportId],
  );
  const vehicles = await tx.query<{ registration: string }>(
    'SELECT registration FROM intelligence_vehicle WHERE report_id = $1 ORDER BY registration',
    [reportId],
  );
  return JSON.stringify({
    subjects: subjects.map((s) =>
      s.named_person_id ? { person: s.named_person_id } : { name: s.name, dateOfBirth: s.date_of_birth },
    ),
    vehicles: vehicles.map((v) => v.registration),
  });
}

async function upsertReport(
  tx: Sql,
  row: ImportRow,
  agencyId: string,
  people: ReadonlyMap<string, string>,
): Promise<'inserted' | 'updated' | 'unchanged'> {
  const grading = row.grading;
  const [stored] = await tx.query<{ id: string; inserted: boolean; changed: boolean }>(
    `WITH incoming AS (
       SELECT $1::text AS reference, $2::timestamptz AS submitted_at, $3::timestamptz AS occurred_at,
              $4::uuid AS agency_id, $5::intelligence_category AS category, $6::source_evaluation AS source_evaluation,
              $7::intelligence_evaluation AS intelligence_evaluation, $8::handling_code AS handling_code,
              $9::text AS handling_conditions,
              CASE WHEN $10::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($10::float8, $11::float8), 4326) END AS geom,
              $12::text AS body),
     existing AS (SELECT ir.* FROM intelligence_report ir JOIN incoming i ON ir.reference = i.reference),
     inserted AS (
       INSERT INTO intelligence_report (reference, submitted_at, occurred_at, submitting_agency_id, category,
                                        source_evaluation, intelligence_evaluation, handling_code, handling_conditions,
                                        geom, body, status)
       SELECT reference, submitted_at, occurred_at, agency_id, category, source_evaluation, intelligence_evaluation,
              handling_code, handling_conditions, geom, body,
              CASE WHEN handling_code IS NULL THEN 'received' ELSE 'developed' END::intelligence_status
       FROM incoming WHERE NOT EXISTS (SELECT 1 FROM existing)
       RETURNING id),
     updated AS (
       UPDATE intelligence_report ir SET
         submitted_at = i.submitted_at, occurred_at = i.occurred_at, submitting_agency_id = i.agency_id,
         category = i.category, geom = i.geom, body = i.body,
         source_evaluation = coalesce(i.source_evaluation, ir.source_evaluation),
         intelligence_evaluation = coalesce(i.intelligence_evaluation, ir.intelligence_evaluation),
         handling_code = coalesce(i.handling_code, ir.handling_code),
         handling_conditions = CASE WHEN i.handling_code IS NULL THEN ir.handling_conditions ELSE i.handling_conditions END,
         status = CASE WHEN ir.status = 'received' AND i.handling_code IS NOT NULL THEN 'developed' ELSE ir.status END,
         version = ir.version + 1, updated_at = now()
       FROM incoming i
       WHERE ir.reference = i.reference
         AND ((ir.submitted_at, ir.occurred_at, ir.submitting_agency_id, ir.category, ir.body)
                IS DISTINCT FROM (i.submitted_at, i.occurred_at, i.agency_id, i.category, i.body)
           OR NOT (ir.geom IS NOT DISTINCT FROM i.geom)
           OR (i.handling_code IS NOT NULL AND (ir.source_evaluation, ir.intelligence_evaluation, ir.handling_code,
                 ir.handling_conditions) IS DISTINCT FROM
                 (i.source_evaluation, i.intelligence_evaluation, i.handling_code, i.handling_conditions)))
       RETURNING ir.id)
     SELECT id::text AS id, true AS inserted, true AS changed FROM inserted
     UNION ALL SELECT id::text, false, true FROM updated
     UNION ALL SELECT id::text, false, false FROM existing WHERE NOT EXISTS (SELECT 1 FROM updated)`,
    [
      row.reportRef,
      row.submittedAt.toISOString(),
      row.occurredAt?.toISOString() ?? null,
      agencyId,
      row.category,
      grading?.sourceEvaluation ?? null,
      grading?.intelligenceEvaluation ?? null,
      grading?.handlingCode ?? null,
      grading?.handlingConditions ?? null,
      row.point?.lon ?? null,
      row.point?.lat ?? null,
      row.body,
    ],
  );
  if (!stored) throw new Error(`intelligence report ${row.reportRef} was not stored`);
  const lists = listsOf(row, people);
  const listsChanged = stored.inserted || (await storedLists(tx, stored.id)) !== lists;
  if (listsChanged) {
    // Subjects and vehicles the analyst has not matched yet follow the file; matched ones stay.
    await tx.query('DELETE FROM intelligence_subject WHERE report_id = $1 AND person_id IS NULL', [stored.id]);
    await tx.query('DELETE FROM intelligence_vehicle WHERE report_id = $1 AND vehicle_id IS NULL', [stored.id]);
    const [{ next } = { next: 0 }] = await tx.query<{ next: number }>(
      'SELECT coalesce(max(position) + 1, 0)::int AS next FROM intelligence_subject WHERE report_id = $1',
      [stored.id],
    );
    await tx.query(
      `INSERT INTO intelligence_subject (report_id, position, name, date_of_birth, named_person_id)
       SELECT $1::uuid, $2::int + t.n - 1, t.name, t.date_of_birth, t.person
       FROM unnest($3::text[], $4::date[], $5::uuid[]) WITH ORDINALITY AS t(name, date_of_birth, person, n)`,
      [
        stored.id,
        next,
        row.subjects.map((s) => ('name' in s ? s.name : null)),
        row.subjects.map((s) => ('name' in s ? s.dateOfBirth : null)),
        row.subjects.map((s) => ('reference' in s ? (people.get(s.reference) ?? null) : null)),
      ],
    );
    await tx.query(
      `INSERT INTO intelligence_vehicle (report_id, registration, vehicle_id)
       SELECT $1::uuid, r, (SELECT id FROM vehicle WHERE registration = r) FROM unnest($2::text[]) AS r
       ON CONFLICT (report_id, registration) DO NOTHING`,
      [stored.id, row.vehicles],
    );
  }
  if (stored.inserted) return 'inserted';
  if (stored.changed) return 'updated';
  if (listsChanged) {
    await tx.query('UPDATE intelligence_report SET version = version + 1, updated_at = now() WHERE id = $1', [
      stored.id,
    ]);
    return 'updated';
  }
  return 'unchanged';
}
