import { appendAudit, getProfileVersion, insertProfileVersion } from '@lantern/db';
import { AppError, type ProfileVersionRef } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { computeFigures, profileChangeEvent, readableVersion, versionState } from './profile-support.ts';

/**
 * Starts version n+1 of a profile from its approved latest version n: a draft with the same terms
 * and writing and the figures recomputed now; "what changed" compares it with version n.
 */
export async function newProfileVersion(app: AppContext, access: Access, input: ProfileVersionRef) {
  const principal = requirePrincipal(access);
  const stored = await getProfileVersion(app.db.prisma, input.id, { version: input.version });
  if (!stored) throw new AppError('NOT_FOUND', `version: problem profile ${input.id} has no version ${input.version}`);
  const figures = await computeFigures(app, access, stored.terms);
  return app.db.prisma.$transaction(async (tx) => {
    const from = await readableVersion(tx, access, input.id, input.version, true);
    if (from.revision !== input.revision) throw staleVersion('this profile version', input.revision, from.revision);
    if (from.status !== 'approved') {
      throw new AppError(
        'CONFLICT',
        `status: a new version starts from an approved version; version ${from.version} is not approved`,
      );
    }
    const latest = await getProfileVersion(tx, input.id, {});
    if (latest && latest.version !== from.version) {
      throw new AppError(
        'CONFLICT',
        `version: version ${latest.version} of this profile already exists; open it rather than starting another`,
      );
    }
    const version = from.version + 1;
    await insertProfileVersion(tx, {
      profileId: input.id,
      version,
      terms: from.terms,
      figures,
      previousFigures: from.figures,
      writing: from.writing,
      createdById: principal.id,
    });
    await appendAudit(tx, profileChangeEvent(access, input.id, version, 'create', { from: from.version }));
    return versionState(input.id, version, 1, 'draft');
  });
}
