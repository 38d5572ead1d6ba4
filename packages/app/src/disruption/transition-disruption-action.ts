import { appendAudit, applyDisruptionPlan, getDisruption, insertStatusChange } from '@lantern/db';
import { assertMayActOnDisruption, londonDate, planTransition, type TransitionDisruptionInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { actorOf, detail, notFound, tacticOrBadInput } from './present-disruption-action.ts';

/** Moves an action along its allowed statuses with a reason; a stale version is a CONFLICT. */
export async function transitionDisruptionAction(app: AppContext, access: Access, input: TransitionDisruptionInput) {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getDisruption(tx, input.id, access.scope);
    if (!row) throw notFound(input.id);
    const tactic = await tacticOrBadInput(tx, row.tacticId);
    assertMayActOnDisruption(await actorOf(tx, access), row.districtCode, tactic);
    const conflict = () => staleVersion(`disruption action ${input.id}`, input.version, row.version);
    if (row.version !== input.version) throw conflict();
    const plan = planTransition(row, tactic, input, londonDate());
    if (!(await applyDisruptionPlan(tx, row.id, input.version, plan))) throw conflict();
    await insertStatusChange(tx, {
      actionId: row.id,
      from: row.status,
      to: input.to,
      userId: principal.id,
      reason: input.reason,
    });
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'disruption_action', ids: [row.id] },
        { reason: input.reason, details: { from: row.status, to: input.to, outcome: plan.outcome } },
      ),
    );
    const updated = await getDisruption(tx, row.id, 'all');
    if (!updated) throw notFound(row.id);
    return detail(tx, access, updated);
  });
}
