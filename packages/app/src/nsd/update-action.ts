import { appendAudit, type DistrictScope, getActionItem, updateActionItem } from '@lantern/db';
import { AppError, londonDate, type UpdateActionInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { updateEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { toActionItem } from './meeting-support.ts';

/** Updates or closes an action log item; a stale version is a CONFLICT. */
export async function updateAction(app: AppContext, access: Access, input: UpdateActionInput) {
  return changeActionItem(app, access, input, access.scope, 'in your districts');
}

/**
 * Updates an NSD action item of the caller's districts or (with `{ panel: true }`) a panel's,
 * audited in the same transaction.
 */
export async function changeActionItem(
  app: AppContext,
  access: Access,
  input: UpdateActionInput,
  reach: DistrictScope | { panel: true },
  where: string,
) {
  const today = londonDate();
  return app.db.prisma.$transaction(async (tx) => {
    const current = await getActionItem(tx, input.id, reach);
    if (!current) throw new AppError('NOT_FOUND', `No action log item ${input.id} ${where}`);
    if (!(await updateActionItem(tx, input.id, input.version, input.changes, today))) {
      throw staleVersion(`action log item ${input.id}`, input.version, current.version);
    }
    await appendAudit(tx, updateEvent(access, { type: 'nsd_action_item', id: input.id }, input.changes));
    const row = await getActionItem(tx, input.id, reach);
    if (!row) throw new Error('an action log item vanished after update');
    return toActionItem(row, null, today);
  });
}
