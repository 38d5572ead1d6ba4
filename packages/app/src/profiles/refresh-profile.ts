import { appendAudit, changeProfileVersion, getProfileVersion } from '@lantern/db';
import { AppError, type ProfileVersionRef } from '@lantern/domain';
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
 * Recomputes a draft's figures from its stored terms, as at now, keeping the figures before for
 * the "what changed" view. A stale revision is a CONFLICT; an approved version cannot be refreshed.
 */
export async function refreshProfile(app: AppContext, access: Access, input: ProfileVersionRef) {
  const stored = await getProfileVersion(app.db.prisma, input.id, { version: input.version });
  if (!stored) throw new AppError('NOT_FOUND', `version: problem profile ${input.id} has no version ${input.version}`);
  const figures = await computeFigures(app, access, stored.terms);
  return app.db.prisma.$transaction(async (tx) => {
    const row = await versionToChange(tx, access, input, ['draft'], 'refresh the figures of');
    const revision = await changeProfileVersion(tx, input.id, input.version, input.revision, {
      figures,
      previousFigures: row.figures,
    });
    if (revision === null) throw changedUnderneath(input);
    await appendAudit(
      tx,
      profileChangeEvent(access, input.id, input.version, 'update', { fields: ['figures'], asAt: figures.asAt }),
    );
    return versionState(input.id, input.version, revision, 'draft');
  });
}
