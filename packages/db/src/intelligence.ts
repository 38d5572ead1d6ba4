import type {
  HandlingCode,
  IntelligenceCategory,
  IntelligenceEvaluation,
  IntelligenceQueueInput,
  IntelligenceStatus,
  ListIntelligenceInput,
  SourceEvaluation,
  SubmitIntelligenceInput,
} from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Intelligence reports through their cycle: submitted by a partner (ungraded), graded 3x5x2 by
 * an analyst (history kept), sanitised, developed or closed, or withdrawn by the submitter. The
 * district is found from the point by trigger. Changes take the version the caller read.
 */
export interface IntelligenceReceiptRow {
  id: string;
  reference: string;
  submittedAt: string;
}

export interface Submitter {
  agencyId: string;
  userId: string;
}

export interface StoredAttachment {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const utcInstant = (column: Prisma.Sql) =>
  Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Stores a partner's submission with a new reference, "INT-<London year>-<number>", the number
 * from a sequence and at least six digits, with its subjects, vehicles and attachments. Where:
 * the point given, else the chosen place's point, else none.
 */
export async function submitIntelligence(
  tx: PrismaTx,
  input: SubmitIntelligenceInput,
  submitter: Submitter,
  attachments: readonly StoredAttachment[],
): Promise<IntelligenceReceiptRow> {
  const geom =
    input.lon !== undefined && input.lat !== undefined
      ? Prisma.sql`ST_SetSRID(ST_MakePoint(${input.lon}::float8, ${input.lat}::float8), 4326)`
      : input.placeId !== undefined
        ? Prisma.sql`(SELECT geom FROM place_of_concern WHERE id = ${input.placeId}::uuid)`
        : Prisma.sql`NULL`;
  const [row] = await tx.$queryRaw<IntelligenceReceiptRow[]>`
    WITH numbered AS (SELECT nextval('intelligence_report_reference_seq')::text AS n)
    INSERT INTO intelligence_report (
      reference, category, body, occurred_at, geom, place_id, submitter_view, submitting_agency_id, submitted_by_id)
    SELECT 'INT-' || to_char(now() AT TIME ZONE 'Europe/London', 'YYYY') || '-' || lpad(n, greatest(6, length(n)), '0'),
      ${input.category}::intelligence_category, ${input.body}, ${input.occurredAt ?? null}::timestamptz, ${geom},
      ${input.placeId ?? null}::uuid, ${input.submitterView ?? null}, ${submitter.agencyId}::uuid,
      ${submitter.userId}::uuid
    FROM numbered
    RETURNING id::text AS "id", reference AS "reference", ${utcInstant(Prisma.sql`submitted_at`)} AS "submittedAt"`;
  if (!row) throw new Error('an intelligence report was not stored');
  for (const [position, subject] of input.subjects.entries()) {
    await tx.$executeRaw`
      INSERT INTO intelligence_subject (report_id, position, name, approximate_age, date_of_birth, description, named_person_id)
      VALUES (${row.id}::uuid, ${position}, ${subject.name ?? null}, ${subject.approximateAge ?? null}::int,
              ${subject.dateOfBirth ?? null}::date, ${subject.description ?? null}, ${subject.personId ?? null}::uuid)`;
  }
  for (const registration of input.vehicles) {
    await tx.$executeRaw`
      INSERT INTO intelligence_vehicle (report_id, registration, vehicle_id)
      VALUES (${row.id}::uuid, ${registration}, (SELECT id FROM vehicle WHERE registration = ${registration}))`;
  }
  for (const attachment of attachments) {
    await tx.intelligenceAttachment.create({
      data: {
        reportId: row.id,
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        sizeBytes: attachment.bytes.length,
        content: Buffer.from(attachment.bytes),
      },
      select: { id: true },
    });
  }
  return row;
}

export interface MySubmissionRow {
  id: string;
  reference: string;
  category: IntelligenceCategory;
  submittedAt: string;
  occurredAt: string | null;
  district: string | null;
  status: IntelligenceStatus;
  version: number;
}

/** The caller's own submissions, newest first: status only, nothing the police added. */
export async function mySubmissions(prisma: PrismaTx, userId: string, limit: number): Promise<MySubmissionRow[]> {
  return prisma.$queryRaw<MySubmissionRow[]>`
    SELECT ir.id::text AS "id", ir.reference, ir.category::text AS "category",
      ${utcInstant(Prisma.sql`ir.submitted_at`)} AS "submittedAt", ${utcInstant(Prisma.sql`ir.occurred_at`)} AS "occurredAt",
      d.name AS "district", ir.status::text AS "status", ir.version
    FROM intelligence_report ir LEFT JOIN district d ON d.code = ir.district_code
    WHERE ir.submitted_by_id = ${userId}::uuid
    ORDER BY ir.submitted_at DESC, ir.reference
    LIMIT ${limit}`;
}

export interface IntelligenceRow {
  id: string;
  reference: string;
  status: IntelligenceStatus;
  sourceEvaluation: SourceEvaluation | null;
  intelligenceEvaluation: IntelligenceEvaluation | null;
  handlingCode: HandlingCode | null;
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

const reportColumns = Prisma.sql`
  ir.id::text AS "id", ir.reference AS "reference", ir.status::text AS "status",
  ir.source_evaluation::text AS "sourceEvaluation", ir.intelligence_evaluation::text AS "intelligenceEvaluation",
  ir.handling_code::text AS "handlingCode", ir.handling_conditions AS "handlingConditions",
  ir.category::text AS "category", ir.body AS "body",
  ${utcInstant(Prisma.sql`ir.occurred_at`)} AS "occurredAt", ${utcInstant(Prisma.sql`ir.submitted_at`)} AS "submittedAt",
  ST_X(ir.geom)::float8 AS "lon", ST_Y(ir.geom)::float8 AS "lat", ir.district_code AS "districtCode",
  d.name AS "districtName", a.name AS "agency"`;

const reportFrom = Prisma.sql`
  intelligence_report ir
    JOIN agency a ON a.id = ir.submitting_agency_id
    LEFT JOIN district d ON d.code = ir.district_code`;

/** Reports, newest first; `from`/`to` are Europe/London dates of submission, both inclusive. */
export async function listIntelligence(
  prisma: PrismaTx,
  query: ListIntelligenceInput,
  scope: DistrictScope,
): Promise<IntelligenceRow[]> {
  const conditions = [districtScopeSql(Prisma.sql`ir.district_code`, scope)];
  if (query.districtCode) conditions.push(Prisma.sql`ir.district_code = ${query.districtCode}`);
  if (query.category) conditions.push(Prisma.sql`ir.category = ${query.category}::intelligence_category`);
  if (query.status) conditions.push(Prisma.sql`ir.status = ${query.status}::intelligence_status`);
  if (query.from) {
    conditions.push(Prisma.sql`ir.submitted_at >= (${query.from}::date::timestamp AT TIME ZONE 'Europe/London')`);
  }
  if (query.to) {
    conditions.push(Prisma.sql`ir.submitted_at < ((${query.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`);
  }
  return prisma.$queryRaw<IntelligenceRow[]>`
    SELECT ${reportColumns}
    FROM ${reportFrom}
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ir.submitted_at DESC, ir.reference
    LIMIT ${query.limit}`;
}

export interface IntelligenceQueueRow {
  id: string;
  reference: string;
  status: IntelligenceStatus;
  category: IntelligenceCategory;
  submittedAt: string;
  districtCode: string | null;
  districtName: string | null;
  agency: string;
  graded: boolean;
  subjects: number;
  attachments: number;
}

const openStatus = Prisma.sql`ir.status IN ('received', 'being_evaluated')`;

/** Reports nothing has been decided on, oldest first (the analyst's queue). */
export async function intelligenceQueue(
  prisma: PrismaTx,
  query: IntelligenceQueueInput,
  scope: DistrictScope,
): Promise<IntelligenceQueueRow[]> {
  const district = query.districtCode ? Prisma.sql`AND ir.district_code = ${query.districtCode}` : Prisma.empty;
  return prisma.$queryRaw<IntelligenceQueueRow[]>`
    SELECT ir.id::text AS "id", ir.reference, ir.status::text AS "status", ir.category::text AS "category",
      ${utcInstant(Prisma.sql`ir.submitted_at`)} AS "submittedAt", ir.district_code AS "districtCode",
      d.name AS "districtName", a.name AS "agency", (ir.handling_code IS NOT NULL) AS "graded",
      (SELECT count(*)::int FROM intelligence_subject s WHERE s.report_id = ir.id) AS "subjects",
      (SELECT count(*)::int FROM intelligence_attachment f WHERE f.report_id = ir.id) AS "attachments"
    FROM ${reportFrom}
    WHERE ${openStatus} AND (ir.district_code IS NULL OR ${districtScopeSql(Prisma.sql`ir.district_code`, scope)}) ${district}
    ORDER BY ir.submitted_at, ir.reference
    LIMIT ${query.limit}`;
}

export interface QueueDistrictRow {
  districtCode: string | null;
  districtName: string | null;
  count: number;
  oldest: string;
}

export async function intelligenceQueueByDistrict(prisma: PrismaTx, scope: DistrictScope): Promise<QueueDistrictRow[]> {
  return prisma.$queryRaw<QueueDistrictRow[]>`
    SELECT ir.district_code AS "districtCode", d.name AS "districtName", count(*)::int AS "count",
      ${utcInstant(Prisma.sql`min(ir.submitted_at)`)} AS "oldest"
    FROM intelligence_report ir LEFT JOIN district d ON d.code = ir.district_code
    WHERE ${openStatus} AND (ir.district_code IS NULL OR ${districtScopeSql(Prisma.sql`ir.district_code`, scope)})
    GROUP BY ir.district_code, d.name
    ORDER BY min(ir.submitted_at)`;
}

export interface IntelligenceStateRow {
  id: string;
  reference: string;
  status: IntelligenceStatus;
  version: number;
  graded: boolean;
  submittedById: string | null;
  placeId: string | null;
  districtCode: string | null;
  lon: number | null;
  lat: number | null;
  /** The London date the report is about (when it happened, else when it was submitted). */
  seenOn: string;
}

/** Where a report stands, locked for the change about to be made to it. */
export async function lockIntelligence(tx: PrismaTx, id: string): Promise<IntelligenceStateRow | null> {
  const [row] = await tx.$queryRaw<IntelligenceStateRow[]>`
    SELECT ir.id::text AS "id", ir.reference, ir.status::text AS "status", ir.version,
      (ir.handling_code IS NOT NULL) AS "graded", ir.submitted_by_id::text AS "submittedById",
      ir.place_id::text AS "placeId", ir.district_code AS "districtCode",
      ST_X(ir.geom)::float8 AS "lon", ST_Y(ir.geom)::float8 AS "lat",
      to_char((coalesce(ir.occurred_at, ir.submitted_at) AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS "seenOn"
    FROM intelligence_report ir WHERE ir.id = ${id}::uuid
    FOR UPDATE`;
  return row ?? null;
}

export interface IntelligenceChange {
  status?: IntelligenceStatus;
  statusReason?: string | null;
  grading?: {
    sourceEvaluation: SourceEvaluation;
    intelligenceEvaluation: IntelligenceEvaluation;
    handlingCode: HandlingCode;
    handlingConditions: string | null;
  };
  sanitisedBody?: string;
  placeId?: string;
}

/**
 * Applies a change if the report is still at the version the caller read; returns false when it
 * is not (the caller reports the CONFLICT with the current version).
 */
export async function changeIntelligence(
  tx: PrismaTx,
  id: string,
  version: number,
  change: IntelligenceChange,
): Promise<boolean> {
  const sets: Prisma.Sql[] = [Prisma.sql`version = version + 1`, Prisma.sql`updated_at = now()`];
  if (change.status !== undefined) {
    sets.push(Prisma.sql`status = ${change.status}::intelligence_status`, Prisma.sql`status_changed_at = now()`);
  }
  if (change.statusReason !== undefined) sets.push(Prisma.sql`status_reason = ${change.statusReason}`);
  if (change.grading) {
    const g = change.grading;
    sets.push(
      Prisma.sql`source_evaluation = ${g.sourceEvaluation}::source_evaluation`,
      Prisma.sql`intelligence_evaluation = ${g.intelligenceEvaluation}::intelligence_evaluation`,
      Prisma.sql`handling_code = ${g.handlingCode}::handling_code`,
      Prisma.sql`handling_conditions = ${g.handlingConditions}`,
    );
  }
  if (change.sanitisedBody !== undefined) sets.push(Prisma.sql`sanitised_body = ${change.sanitisedBody}`);
  if (change.placeId !== undefined) sets.push(Prisma.sql`place_id = ${change.placeId}::uuid`);
  const count = await tx.$executeRaw`
    UPDATE intelligence_report SET ${Prisma.join(sets, ', ')} WHERE id = ${id}::uuid AND version = ${version}`;
  return count === 1;
}

export async function recordGrading(
  tx: PrismaTx,
  reportId: string,
  grading: NonNullable<IntelligenceChange['grading']> & { reason: string | null },
  gradedById: string | null,
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO intelligence_grading (report_id, source_evaluation, intelligence_evaluation, handling_code,
                                      handling_conditions, reason, graded_by_id)
    VALUES (${reportId}::uuid, ${grading.sourceEvaluation}::source_evaluation,
            ${grading.intelligenceEvaluation}::intelligence_evaluation, ${grading.handlingCode}::handling_code,
            ${grading.handlingConditions}, ${grading.reason}, ${gradedById}::uuid)`;
}

/** A free-text subject resolved to a Lantern person: matched to one, or created for it. */
export async function resolveSubject(
  tx: PrismaTx,
  reportId: string,
  position: number,
  personId: string,
  resolution: 'matched' | 'created',
): Promise<boolean> {
  const count = await tx.$executeRaw`
    UPDATE intelligence_subject SET person_id = ${personId}::uuid, resolution = ${resolution}
    WHERE report_id = ${reportId}::uuid AND position = ${position}`;
  return count === 1;
}

export async function subjectPositions(
  prisma: PrismaTx,
  reportId: string,
): Promise<Array<{ position: number; personId: string | null; namedPersonId: string | null }>> {
  return prisma.intelligenceSubject.findMany({
    where: { reportId },
    select: { position: true, personId: true, namedPersonId: true },
    orderBy: { position: 'asc' },
  });
}

/** The vehicle with this registration, recorded if Lantern does not know it; the report's row points at it. */
export async function matchVehicle(tx: PrismaTx, reportId: string, registration: string): Promise<string> {
  const [vehicle] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO vehicle (registration) VALUES (${registration})
    ON CONFLICT (registration) DO UPDATE SET registration = EXCLUDED.registration
    RETURNING id::text AS "id"`;
  if (!vehicle) throw new Error(`vehicle ${registration} was not stored`);
  await tx.$executeRaw`
    INSERT INTO intelligence_vehicle (report_id, registration, vehicle_id)
    VALUES (${reportId}::uuid, ${registration}, ${vehicle.id}::uuid)
    ON CONFLICT (report_id, registration) DO UPDATE SET vehicle_id = EXCLUDED.vehicle_id`;
  return vehicle.id;
}

export interface IntelligenceDetailRow extends IntelligenceRow {
  version: number;
  sanitisedBody: string | null;
  submitterView: string | null;
  statusReason: string | null;
  placeId: string | null;
  placeName: string | null;
}

export async function getIntelligence(prisma: PrismaTx, id: string): Promise<IntelligenceDetailRow | null> {
  const [row] = await prisma.$queryRaw<IntelligenceDetailRow[]>`
    SELECT ${reportColumns}, ir.version, ir.sanitised_body AS "sanitisedBody", ir.submitter_view AS "submitterView",
      ir.status_reason AS "statusReason", ir.place_id::text AS "placeId", pc.name AS "placeName"
    FROM ${reportFrom} LEFT JOIN place_of_concern pc ON pc.id = ir.place_id
    WHERE ir.id = ${id}::uuid`;
  return row ?? null;
}

export async function intelligenceParts(prisma: PrismaTx, reportId: string) {
  const gradings = await prisma.$queryRaw<
    Array<{
      sourceEvaluation: SourceEvaluation;
      intelligenceEvaluation: IntelligenceEvaluation;
      handlingCode: HandlingCode;
      handlingConditions: string | null;
      reason: string | null;
      gradedBy: string | null;
      gradedAt: string;
    }>
  >`
    SELECT g.source_evaluation::text AS "sourceEvaluation", g.intelligence_evaluation::text AS "intelligenceEvaluation",
      g.handling_code::text AS "handlingCode", g.handling_conditions AS "handlingConditions", g.reason,
      u.display_name AS "gradedBy", ${utcInstant(Prisma.sql`g.graded_at`)} AS "gradedAt"
    FROM intelligence_grading g LEFT JOIN app_user u ON u.id = g.graded_by_id
    WHERE g.report_id = ${reportId}::uuid
    ORDER BY g.graded_at, g.id`;
  const subjects = await prisma.$queryRaw<
    Array<{
      id: string;
      position: number;
      name: string | null;
      approximateAge: number | null;
      dateOfBirth: string | null;
      description: string | null;
      namedPersonId: string | null;
      personId: string | null;
      resolution: 'matched' | 'created' | null;
    }>
  >`
    SELECT s.id::text AS "id", s.position, s.name, s.approximate_age AS "approximateAge",
      to_char(s.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", s.description,
      s.named_person_id::text AS "namedPersonId", s.person_id::text AS "personId", s.resolution
    FROM intelligence_subject s WHERE s.report_id = ${reportId}::uuid ORDER BY s.position`;
  const vehicles = await prisma.intelligenceVehicle.findMany({
    where: { reportId },
    select: { registration: true, vehicleId: true },
    orderBy: { registration: 'asc' },
  });
  const attachments = await prisma.intelligenceAttachment.findMany({
    where: { reportId },
    select: { id: true, fileName: true, mediaType: true, sizeBytes: true },
    orderBy: { createdAt: 'asc' },
  });
  const links = await prisma.entityLink.findMany({
    where: { sourceType: 'intelligence_report', sourceId: reportId },
    select: { id: true, linkType: true, fromType: true, fromId: true, toType: true, toId: true },
    orderBy: { createdAt: 'asc' },
  });
  return { gradings, subjects, vehicles, attachments, links };
}

export async function getAttachment(prisma: PrismaTx, id: string) {
  return prisma.intelligenceAttachment.findUnique({
    where: { id },
    select: { id: true, reportId: true, fileName: true, mediaType: true, sizeBytes: true, content: true },
  });
}

/** Short labels of places and vehicles by id (people are labelled by the use case, as the caller may see them). */
export async function entityLabels(prisma: PrismaTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<{ id: string; label: string }>>`
    SELECT id::text AS "id", name AS "label" FROM place_of_concern WHERE id = ANY(${[...ids]}::uuid[])
    UNION ALL
    SELECT id::text, registration FROM vehicle WHERE id = ANY(${[...ids]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.label]));
}

/** How many open reports await evaluation in the caller's scope (the header's count). */
export async function openIntelligenceCount(prisma: PrismaTx, scope: DistrictScope): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM intelligence_report ir
    WHERE ${openStatus} AND (ir.district_code IS NULL OR ${districtScopeSql(Prisma.sql`ir.district_code`, scope)})`;
  return row?.n ?? 0;
}

/** Status and handling code of each report, for share-back decisions on records that cite them. */
export async function intelligenceShareStates(
  prisma: PrismaTx,
  ids: readonly string[],
): Promise<Map<string, { status: IntelligenceStatus; handlingCode: HandlingCode | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.intelligenceReport.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, status: true, handlingCode: true },
  });
  return new Map(rows.map((row) => [row.id, { status: row.status, handlingCode: row.handlingCode }]));
}
