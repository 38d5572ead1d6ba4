import { appendAudit, getDisruption } from '@lantern/db';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { detail, notFound } from './present-disruption-action.ts';

/** One disruption action with its status history, as the caller may see its target. */
export async function getDisruptionAction(app: AppContext, access: Access, id: string) {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getDisruption(tx, id, access.scope);
    if (!row) throw notFound(id);
    const result = await detail(tx, access, row);
    const ids = [id, ...(result.target.person ? [result.target.person.id] : [])];
    await appendAudit(tx, auditEvent(access, 'read', { type: 'disruption_action', ids }));
    return result;
  });
}
