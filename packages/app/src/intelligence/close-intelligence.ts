import { appendAudit, changeIntelligence } from '@lantern/db';
import { type CloseIntelligenceInput, type IntelligenceDetail, nextIntelligenceStatus } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { reportDetail, reportToChange } from './intelligence-support.ts';

/** Closes an open report with no further action, with the reason (kept, and audited). */
export async function closeIntelligence(
  app: AppContext,
  access: Access,
  input: CloseIntelligenceInput,
): Promise<IntelligenceDetail> {
  return app.db.prisma.$transaction(async (tx) => {
    const state = await reportToChange(tx, input.id, input.version);
    const status = nextIntelligenceStatus(state.status, 'no_further_action', state.graded);
    await changeIntelligence(tx, state.id, state.version, { status, statusReason: input.reason });
    await appendAudit(tx, {
      ...updateEvent(access, { type: 'intelligence_report', id: state.id }, { status }),
      reason: input.reason,
    });
    return (await reportDetail(tx, access, state.id)).detail;
  });
}
