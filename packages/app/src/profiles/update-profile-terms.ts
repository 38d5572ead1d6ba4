import { appendAudit, changeProfileVersion } from '@lantern/db';
import type { ProfileTerms, ProfileVersionRef } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import {
  changedUnderneath,
  computeFigures,
  profileChangeEvent,
  versionState,
  versionToChange,
} from './profile-support.ts';

/**
 * Changes the terms of reference of a draft and recomputes its figures for them; the figures
 * before are kept for the "what changed" view. A stale revision is a CONFLICT.
 */
export async function updateProfileTerms(
  app: AppContext,
  access: Access,
  input: ProfileVersionRef & { terms: ProfileTerms },
) {
  const figures = await computeFigures(app, access, input.terms);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await versionToChange(tx, access, input, ['draft'], 'change the terms of');
    const revision = await changeProfileVersion(tx, input.id, input.version, input.revision, {
      terms: input.terms,
      figures,
      previousFigures: row.figures,
    });
    if (revision === null) throw changedUnderneath(input);
    await appendAudit(
      tx,
      profileChangeEvent(access, input.id, input.version, 'update', { fields: ['figures', 'terms'] }),
    );
    return versionState(input.id, input.version, revision, 'draft');
  });
}
