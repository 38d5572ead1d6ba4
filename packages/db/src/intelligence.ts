import type {
  HandlingCode,
  IntelligenceCategory,
  IntelligenceEvaluation,
  ListIntelligenceInput,
  SourceEvaluation,
  SubmitIntelligenceInput,
} from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/** Intelligence reports (3x5x2 graded). The district is found from the point by trigger. */
export interface IntelligenceReceiptRow {
  id: string;
  reference: string;
  submittedAt: string;
}

export interface Submitter {
  agencyId: string;
  userId: string;
}

const utcInstant = (column: Prisma.Sql) =>
  Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Stores a report with a new reference, "INT-<London year>-<number>", the number from a sequence
 * and at least six digits.
 */
export async function submitIntelligence(
  tx: PrismaTx,
  input: SubmitIntelligenceInput,
  submitter: Submitter,
): Promise<IntelligenceReceiptRow> {
  const geom =
    input.lon === undefined || input.lat === undefined
      ? Prisma.sql`NULL`
      : Prisma.sql`ST_SetSRID(ST_MakePoint(${input.lon}::float8, ${input.lat}::float8), 4326)`;
  const [row] = await tx.$queryRaw<IntelligenceReceiptRow[]>`
    WITH numbered AS (SELECT nextval('intelligence_report_reference_seq')::text AS n)
    INSERT INTO intelligence_report (
      reference, source_evaluation, intelligence_evaluation, handling_code, handling_conditions, category, body,
      occurred_at, geom, submitting_agency_id, submitted_by_id)
    SELECT 'INT-' || to_char(now() AT TIME ZONE 'Europe/London', 'YYYY') || '-' || lpad(n, greatest(6, length(n)), '0'),
      ${input.sourceEvaluation}::source_evaluation, ${input.intelligenceEvaluation}::intelligence_evaluation,
      ${input.handlingCode}::handling_code, ${input.handlingConditions ?? null}, ${input.category}::intelligence_category,
      ${input.body}, ${input.occurredAt ?? null}::timestamptz, ${geom}, ${submitter.agencyId}::uuid, ${submitter.userId}::uuid
    FROM numbered
    RETURNING id::text AS "id", reference AS "reference", ${utcInstant(Prisma.sql`submitted_at`)} AS "submittedAt"`;
  if (!row) throw new Error('an intelligence report was not stored');
  return row;
}

export interface IntelligenceRow {
  id: string;
  reference: string;
  sourceEvaluation: SourceEvaluation;
  intelligenceEvaluation: IntelligenceEvaluation;
  handlingCode: HandlingCode;
  handlingConditions: string | null;
  category: IntelligenceCategory;
  body: string;
  occurredAt: string | null;
  submittedAt: string;
  lon: number | null;
  lat: number | null;
  districtCode: string | null;
  districtName: string | null;
  agency: string;
}

/** Reports, newest first; `from`/`to` are Europe/London dates of submission, both inclusive. */
export async function listIntelligence(
  prisma: PrismaTx,
  query: ListIntelligenceInput,
  scope: DistrictScope,
): Promise<IntelligenceRow[]> {
  const conditions = [districtScopeSql(Prisma.sql`ir.district_code`, scope)];
  if (query.districtCode) conditions.push(Prisma.sql`ir.district_code = ${query.districtCode}`);
  if (query.category) conditions.push(Prisma.sql`ir.category = ${query.category}::intelligence_category`);
  if (query.from) {
    conditions.push(Prisma.sql`ir.submitted_at >= (${query.from}::date::timestamp AT TIME ZONE 'Europe/London')`);
  }
  if (query.to) {
    conditions.push(Prisma.sql`ir.submitted_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`);
  }
  return prisma.$queryRaw<IntelligenceRow[]>`
    SELECT ir.id::text AS "id", ir.reference AS "reference", ir.source_evaluation::text AS "sourceEvaluation",
      ir.intelligence_evaluation::text AS "intelligenceEvaluation", ir.handling_code::text AS "handlingCode",
      ir.handling_conditions AS "handlingConditions", ir.category::text AS "category", ir.body AS "body",
      ${utcInstant(Prisma.sql`ir.occurred_at`)} AS "occurredAt", ${utcInstant(Prisma.sql`ir.submitted_at`)} AS "submittedAt",
      ST_X(ir.geom)::float8 AS "lon", ST_Y(ir.geom)::float8 AS "lat", ir.district_code AS "districtCode",
      d.name AS "districtName", a.name AS "agency"
    FROM intelligence_report ir
      JOIN agency a ON a.id = ir.submitting_agency_id
      LEFT JOIN district d ON d.code = ir.district_code
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ir.submitted_at DESC, ir.reference
    LIMIT ${query.limit}`;
}
