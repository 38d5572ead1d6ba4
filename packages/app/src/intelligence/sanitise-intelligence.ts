import { appendAudit, changeIntelligence } from '@lantern/db';
import { type IntelligenceDetail, nextIntelligenceStatus, type SanitiseIntelligenceInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { reportDetail, reportToChange } from './intelligence-support.ts';

/** The text for wider sharing; the original is kept and only analysts see it. */
export async function sanitiseIntelligence(
  app: AppContext,
  access: Access,
  input: SanitiseIntelligenceInput,
): Promise<IntelligenceDetail> {
  return app.db.prisma.$transaction(async (tx) => {
    const state = await reportToChange(tx, input.id, input.version);
    const status = nextIntelligenceStatus(state.status, 'sanitise', state.graded);
    await changeIntelligence(tx, state.id, state.version, { status, sanitisedBody: input.sanitisedBody });
    await appendAudit(tx, updateEvent(access, { type: 'intelligence_report', id: state.id }, { sanitisedBody: true }));
    return (await reportDetail(tx, access, state.id)).detail;
  });
}
