import { appendAudit, changeProfileVersion } from '@lantern/db';
import type { ProfileVersionRef } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { changedUnderneath, profileChangeEvent, versionState, versionToChange } from './profile-support.ts';

/** Returns a version under review to its author as a draft, with the reviewer's reason. */
export async function returnProfileToDraft(
  app: AppContext,
  access: Access,
  input: ProfileVersionRef & { reason?: string | null | undefined },
) {
  const principal = requirePrincipal(access);
  const reason = input.reason ?? null;
  return app.db.prisma.$transaction(async (tx) => {
    await versionToChange(tx, access, input, ['for_review'], 'return to draft');
    const revision = await changeProfileVersion(tx, input.id, input.version, input.revision, {
      status: 'draft',
      submittedById: null,
      returned: { byId: principal.id, reason },
    });
    if (revision === null) throw changedUnderneath(input);
    await appendAudit(
      tx,
      profileChangeEvent(access, input.id, input.version, 'update', { fields: ['status'], status: 'draft' }, reason),
    );
    return versionState(input.id, input.version, revision, 'draft');
  });
}
