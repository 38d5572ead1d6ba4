import { appendAudit, type IntelligenceRow, listIntelligence as listIntelligenceInDb } from '@lantern/db';
import type { IntelligenceReport, ListIntelligenceInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

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

/** Intelligence reports in the caller's districts (the analyst's queue); the search is audited. */
export async function listIntelligence(app: AppContext, access: Access, input: ListIntelligenceInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await listIntelligenceInDb(tx, input, access.scope);
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
