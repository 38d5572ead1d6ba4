import { appendAudit, getMissingEpisode, latestPhilomenaProfile, philomenaPart2Of } from '@lantern/db';
import { AppError } from '@lantern/domain';
import type { Access } from '../../access/access.ts';
import { auditEvent } from '../../audit/audit-event.ts';
import type { AppContext } from '../../context.ts';
import { presentPerson } from '../episode-support.ts';
import { childInCare, toProfile } from './philomena-support.ts';

/** The one-page document for the police, audited as an export with the reason given. */
export async function printPhilomena(
  app: AppContext,
  access: Access,
  input: { personId: string; episodeId?: string | undefined; reason: string },
) {
  return app.db.prisma.$transaction(async (tx) => {
    const child = await childInCare(tx, access, input.personId);
    const latest = await latestPhilomenaProfile(tx, input.personId);
    if (!latest) throw new AppError('NOT_FOUND', `personId: ${input.personId} has no Philomena profile to print`);
    let episode = null;
    if (input.episodeId) {
      const row = await getMissingEpisode(tx, input.episodeId, access.scope);
      if (!row || row.personId !== input.personId) {
        throw new AppError('NOT_FOUND', `No missing episode ${input.episodeId} of this child in your districts`);
      }
      const part2 = await philomenaPart2Of(tx, row.id);
      episode = {
        episodeRef: row.episodeRef,
        reportedAt: row.reportedAt.toISOString(),
        clothing: part2?.clothing ?? null,
        lastSeenDescription: part2?.lastSeenDescription ?? null,
      };
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'export',
        { type: 'philomena_profile', ids: [input.personId, ...(input.episodeId ? [input.episodeId] : [])] },
        { reason: input.reason, details: { version: latest.profileVersion } },
      ),
    );
    return {
      child: presentPerson(access, child),
      profile: await toProfile(tx, access, latest),
      episode,
      printedAt: new Date().toISOString(),
      printedBy: access.principal?.displayName ?? 'unknown',
    };
  });
}
