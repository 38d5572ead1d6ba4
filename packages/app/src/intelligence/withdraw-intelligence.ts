import { appendAudit, changeIntelligence, lockIntelligence, mySubmissions } from '@lantern/db';
import { AppError, type MySubmission, nextIntelligenceStatus, type WithdrawIntelligenceInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';

/**
 * A submission made in error is withdrawn by its submitter, with the reason, while the police
 * have decided nothing on it; it is kept (never deleted) and leaves every analysis.
 */
export async function withdrawIntelligence(
  app: AppContext,
  access: Access,
  input: WithdrawIntelligenceInput,
): Promise<MySubmission> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    // Someone else's report is "not found", so its existence is not revealed to a partner.
    const state = await lockIntelligence(tx, input.id);
    if (!state || state.submittedById !== principal.id) {
      throw new AppError('NOT_FOUND', `id: you submitted no intelligence report ${input.id}`);
    }
    if (state.version !== input.version) {
      throw staleVersion(`intelligence report ${state.reference}`, input.version, state.version);
    }
    const status = nextIntelligenceStatus(state.status, 'withdraw', state.graded);
    await changeIntelligence(tx, state.id, state.version, { status, statusReason: input.reason });
    await appendAudit(tx, {
      ...updateEvent(access, { type: 'intelligence_report', id: state.id }, { status }),
      reason: input.reason,
    });
    const mine = await mySubmissions(tx, principal.id, 200);
    const withdrawn = mine.find((submission) => submission.id === state.id);
    if (!withdrawn) throw new Error(`withdrawn report ${state.id} vanished`);
    return withdrawn;
  });
}
