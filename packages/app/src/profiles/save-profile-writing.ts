import { appendAudit, changeProfileVersion } from '@lantern/db';
import type { ProfileVersionRef, ProfileWriting } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { changedUnderneath, profileChangeEvent, versionState, versionToChange } from './profile-support.ts';

/** Saves the analyst's writing on a draft or a version under review; a stale revision is a CONFLICT. */
export async function saveProfileWriting(
  app: AppContext,
  access: Access,
  input: ProfileVersionRef & { writing: ProfileWriting },
) {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await versionToChange(tx, access, input, ['draft', 'for_review'], 'save the writing of');
    const revision = await changeProfileVersion(tx, input.id, input.version, input.revision, {
      writing: input.writing,
    });
    if (revision === null) throw changedUnderneath(input);
    await appendAudit(tx, profileChangeEvent(access, input.id, input.version, 'update', { fields: ['writing'] }));
    return versionState(input.id, input.version, revision, row.status);
  });
}
