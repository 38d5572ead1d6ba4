import { appendAudit, getPerson as getPersonInDb } from '@lantern/db';
import { AppError } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { present } from './present-person.ts';

/** One person as the caller may see them; the read is audited, with the reason given. */
export async function getPerson(app: AppContext, access: Access, id: string, reason?: string) {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await getPersonInDb(tx, id, access.scope);
    if (!row || access.view(row.kind) === 'hidden')
      throw new AppError('NOT_FOUND', `No person ${id} in your districts`);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'person', ids: [id] }, { reason }));
    return present(access, row);
  });
}
