import { appendAudit, getActionItem, getDisruption, insertActionItem } from '@lantern/db';
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
    const id = await insertActionItem(tx, {
      districtCode: meeting.districtCode,
      meetingId: meeting.id,
      description: input.description,
      owner: input.owner,
      agency: input.agency,
      dueOn: input.dueOn,
      disruptionActionId: input.disruptionActionId ?? null,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'nsd_action_item', ids: [id] }));
    const row = await getActionItem(tx, id, 'all');
    if (!row) throw new Error('an action log item vanished after insert');
    return toActionItem(row, meeting.id, londonDate());
  });
}
