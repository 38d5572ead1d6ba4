import { appendAudit, getAdminUser, updateUserRow } from '@lantern/db';
import { AppError, districtScopeProblem, type UpdateUserInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { assertAgencyExists } from './user-support.ts';

/**
 * Changes an account's name, agency, roles or districts, or disables or enables it
 * (administrators). Disabling ends its sessions at once; roles and districts apply from the
 * user's next request. An administrator cannot disable their own account or drop their own
 * admin role, so Lantern always keeps someone who can undo a change. Audited with the values
 * before and after.
 */
export async function updateUser(app: AppContext, access: Access, input: UpdateUserInput) {
  const { changes } = input;
  const self = requirePrincipal(access).id === input.id;
  if (self && changes.disabled === true) {
    throw new AppError('BAD_INPUT', 'changes.disabled: you cannot disable your own account');
  }
  if (self && changes.roles && !changes.roles.includes('admin')) {
    throw new AppError('BAD_INPUT', 'changes.roles: you cannot remove the admin role from your own account');
  }
  return app.db.prisma.$transaction(async (tx) => {
    const before = await getAdminUser(tx, input.id);
    if (!before) throw new AppError('NOT_FOUND', `No user ${input.id}`);
    if (before.version !== input.version) throw staleVersion(`user ${before.email}`, input.version, before.version);
    const scopeProblem = districtScopeProblem(
      changes.roles ?? before.roles,
      changes.districtCodes ?? before.districtCodes,
    );
    if (scopeProblem) {
      throw new AppError(
        'BAD_INPUT',
        `${changes.districtCodes ? 'changes.districtCodes' : 'changes.roles'}: ${scopeProblem}`,
      );
    }
    if (changes.agencyId) await assertAgencyExists(tx, changes.agencyId, 'changes.agencyId');
    const outcome = await updateUserRow(tx, input.id, input.version, changes);
    if (outcome.status === 'not-found') throw new AppError('NOT_FOUND', `No user ${input.id}`);
    if (outcome.status === 'conflict') {
      throw staleVersion(`user ${before.email}`, input.version, outcome.currentVersion);
    }
    const fields = Object.keys(changes).sort() as (keyof typeof changes)[];
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'user', ids: [input.id] },
        {
          details: {
            fields,
            before: Object.fromEntries(fields.map((field) => [field, before[field]])),
            after: Object.fromEntries(fields.map((field) => [field, outcome.user[field]])),
            sessionsEnded: outcome.sessionsEnded,
          },
        },
      ),
    );
    return outcome.user;
  });
}
