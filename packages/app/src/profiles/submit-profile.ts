import { appendAudit, changeProfileVersion } from '@lantern/db';
import type { ProfileVersionRef } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { changedUnderneath, profileChangeEvent, versionState, versionToChange } from './profile-support.ts';

/** Sends a draft for review by a second police analyst; a stale revision is a CONFLICT. */
export async function submitProfile(app: AppContext, access: Access, input: ProfileVersionRef) {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    await versionToChange(tx, access, input, ['draft'], 'send for review');
    const revision = await changeProfileVersion(tx, input.id, input.version, input.revision, {
      status: 'for_review',
      submittedById: principal.id,
    });
    if (revision === null) throw changedUnderneath(input);
    await appendAudit(
      tx,
      profileChangeEvent(access, input.id, input.version, 'update', { fields: ['status'], status: 'for_review' }),
    );
    return versionState(input.id, input.version, revision, 'for_review');
  });
}
