import { appendAudit, listAdminUsers, listAgencyOptions } from '@lantern/db';
import type { ListUsersInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/** Every account with its roles, districts and agency, and the agencies to choose from (administrators). */
export async function listUsers(app: AppContext, access: Access, input: ListUsersInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const users = await listAdminUsers(tx, input.query || undefined);
    const agencies = await listAgencyOptions(tx);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'user', ids: [] },
        { details: { query: input.query ?? null, users: users.length } },
      ),
    );
    return { users, agencies };
  });
}
