import { appendAudit, listIntelligence as listIntelligenceInDb } from '@lantern/db';
import type { ListIntelligenceInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { toReport } from './intelligence-support.ts';

/** Intelligence reports in the caller's districts (analysts); the search is audited. */
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
