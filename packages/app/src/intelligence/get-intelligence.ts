import { appendAudit } from '@lantern/db';
import type { GetIntelligenceInput, IntelligenceDetail } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { reportDetail } from './intelligence-support.ts';

/** One report with everything the police added (analysts); the read and the people shown are audited. */
export async function getIntelligence(
  app: AppContext,
  access: Access,
  input: GetIntelligenceInput,
): Promise<IntelligenceDetail> {
  return app.db.prisma.$transaction(async (tx) => {
    const { detail, peopleShown } = await reportDetail(tx, access, input.id);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'intelligence_report', ids: [input.id, ...peopleShown] }));
    return detail;
  });
}
