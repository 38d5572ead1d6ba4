import { type Access, auditEvent, requirePrincipal } from '@lantern/app';
import { appendAudit, type IntelligenceRow, listIntelligence, submitIntelligence } from '@lantern/db';
import type {
  IntelligenceReceipt,
  IntelligenceReport,
  ListIntelligenceInput,
  SubmitIntelligenceInput,
} from '@lantern/domain';
import type { Context } from '../context.ts';

/**
 * Intelligence: any partner may submit, and gets back only a receipt (submitting does not let
 * them read it back); only analysts list reports. Both audited with the change or read.
 */
export async function submitIntelligenceService(
  ctx: Context,
  access: Access,
  input: SubmitIntelligenceInput,
): Promise<IntelligenceReceipt> {
  const principal = requirePrincipal(access);
  return ctx.db.prisma.$transaction(async (tx) => {
    const receipt = await submitIntelligence(tx, input, { agencyId: principal.agencyId, userId: principal.id });
    await appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: 'intelligence_report', ids: [receipt.id] },
        { details: { reference: receipt.reference, category: input.category, handlingCode: input.handlingCode } },
      ),
    );
    return receipt;
  });
}

function toReport(row: IntelligenceRow): IntelligenceReport {
  return {
    id: row.id,
    reference: row.reference,
    sourceEvaluation: row.sourceEvaluation,
    intelligenceEvaluation: row.intelligenceEvaluation,
    handlingCode: row.handlingCode,
    handlingConditions: row.handlingConditions,
    category: row.category,
    body: row.body,
    occurredAt: row.occurredAt,
    submittedAt: row.submittedAt,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
    district: row.districtCode && row.districtName ? { code: row.districtCode, name: row.districtName } : null,
    agency: row.agency,
  };
}

export async function listIntelligenceService(ctx: Context, access: Access, input: ListIntelligenceInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const rows = await listIntelligence(tx, input, access.scope);
    const { limit: _limit, ...criteria } = input;
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'intelligence_report', ids: rows.map((row) => row.id) },
        { details: { criteria } },
      ),
    );
    return { reports: rows.map(toReport) };
  });
}
