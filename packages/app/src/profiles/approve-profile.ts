import { appendAudit, changeProfileVersion } from '@lantern/db';
import { AppError, type ProfileVersionRef } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { changedUnderneath, profileChangeEvent, versionState, versionToChange } from './profile-support.ts';

/**
 * Approves a version under review. The approval rule (see the policy table): a second police
 * analyst approves, never the version's author nor whoever sent it for review. Once approved the
 * version is immutable. A stale revision is a CONFLICT.
 */
export async function approveProfile(app: AppContext, access: Access, input: ProfileVersionRef) {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await versionToChange(tx, access, input, ['for_review'], 'approve');
    if (row.authorId === principal.id || row.submittedById === principal.id) {
      const who = row.authorId === principal.id ? 'wrote' : 'sent for review';
      throw new AppError(
        'FORBIDDEN',
        `You ${who} this version, so you cannot approve it: a second police analyst must review and approve it`,
      );
    }
    const revision = await changeProfileVersion(tx, input.id, input.version, input.revision, {
      status: 'approved',
      approvedById: principal.id,
    });
    if (revision === null) throw changedUnderneath(input);
    await appendAudit(
      tx,
      profileChangeEvent(access, input.id, input.version, 'update', { fields: ['status'], status: 'approved' }),
    );
    return versionState(input.id, input.version, revision, 'approved');
  });
}
