import { appendAudit, getActionItem, getDisruption, insertActionItem, type Transaction } from '@lantern/db';
import { type AddActionInput, AppError, londonDate } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { meetingOrNotFound, toActionItem } from './meeting-support.ts';

/** Adds an item to a meeting's action log. */
export async function addAction(app: AppContext, access: Access, input: AddActionInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, input.meetingId);
    if (input.disruptionActionId !== undefined) {
      const action = await getDisruption(tx, input.disruptionActionId, access.scope);
      if (!action || action.districtCode !== meeting.districtCode) {
        throw new AppError(
          'BAD_INPUT',
          `disruptionActionId: no disruption action ${input.disruptionActionId} in ${meeting.districtName}`,
        );
      }
    }
    return insertAction(tx, access, { kind: 'nsd', id: meeting.id, districtCode: meeting.districtCode }, input);
  });
}

/** Inserts and audits an action raised at an NSD or panel meeting the caller has reached. */
export async function insertAction(
  tx: Transaction,
  access: Access,
  raisedAt: { kind: 'nsd'; id: string; districtCode: string } | { kind: 'panel'; id: string },
  input: Omit<AddActionInput, 'meetingId'>,
) {
  const id = await insertActionItem(tx, {
    raisedAt,
    description: input.description,
    owner: input.owner,
    agency: input.agency,
    dueOn: input.dueOn,
    disruptionActionId: input.disruptionActionId ?? null,
  });
  await appendAudit(tx, auditEvent(access, 'create', { type: 'nsd_action_item', ids: [id] }));
  const row = await getActionItem(tx, id, raisedAt.kind === 'nsd' ? 'all' : { panel: true });
  if (!row) throw new Error('an action log item vanished after insert');
  return toActionItem(row, raisedAt.id, londonDate());
}
