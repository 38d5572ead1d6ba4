import { appendAudit, getAdminUser, updateUserRow } from '@lantern/db';
import { AppError, type ResetPasswordInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { temporaryPassword } from './user-support.ts';

/**
 * An administrator sets a new password for an account (chosen, or generated and shown once):
 * the old one stops working and every session of the account ends. Audited, never the password.
 */
export async function resetUserPassword(app: AppContext, access: Access, input: ResetPasswordInput) {
  const target = await getAdminUser(app.db.prisma, input.id);
  if (!target) throw new AppError('NOT_FOUND', `No user ${input.id}`);
  const password = await temporaryPassword(input.password, [target.email, target.displayName]);
  return app.db.prisma.$transaction(async (tx) => {
    const outcome = await updateUserRow(tx, input.id, input.version, { passwordHash: password.hash });
    if (outcome.status === 'not-found') throw new AppError('NOT_FOUND', `No user ${input.id}`);
    if (outcome.status === 'conflict') {
      throw staleVersion(`user ${target.email}`, input.version, outcome.currentVersion);
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'user', ids: [input.id] },
        {
          details: {
            fields: ['password'],
            passwordGenerated: password.generated !== null,
            sessionsEnded: outcome.sessionsEnded,
          },
        },
      ),
    );
    return { user: outcome.user, generatedPassword: password.generated, sessionsEnded: outcome.sessionsEnded };
  });
}
