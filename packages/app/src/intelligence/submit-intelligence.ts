import { appendAudit, submitIntelligence as submitIntelligenceInDb } from '@lantern/db';
import type { IntelligenceReceipt, SubmitIntelligenceInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/**
 * Intelligence: any partner may submit, and gets back only a receipt (submitting does not let
 * them read it back); only analysts list reports. Both audited with the change or read.
 */
export async function submitIntelligence(
  app: AppContext,
  access: Access,
  input: SubmitIntelligenceInput,
): Promise<IntelligenceReceipt> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const receipt = await submitIntelligenceInDb(tx, input, { agencyId: principal.agencyId, userId: principal.id });
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
