import { appendAudit, disruptionDue, listDisruption } from '@lantern/db';
import { addDays, type ListDisruptionInput, londonDate } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { presentDisruption } from './present-disruption-action.ts';

/** Disruption actions in the caller's districts, with the reviews and expiries falling due. */
export async function listDisruptionActions(app: AppContext, access: Access, input: ListDisruptionInput) {
  const dueBy = addDays(londonDate(), input.withinDays);
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await listDisruption(tx, { ...input, dueBy }, access.scope);
    const { actions, peopleShown } = await presentDisruption(tx, access, rows);
    const due = await disruptionDue(tx, input, access.scope, dueBy);
    if (peopleShown.length > 0) {
      await appendAudit(
        tx,
        auditEvent(access, 'read', { type: 'person', ids: peopleShown }, { details: { via: 'disruption targets' } }),
      );
    }
    return {
      actions,
      due: due.map((row) => ({
        district: { code: row.districtCode, name: row.districtName },
        owner: { id: row.ownerId, displayName: row.ownerName },
        reviewsDue: row.reviewsDue,
        expiring: row.expiring,
      })),
    };
  });
}
