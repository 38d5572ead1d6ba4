import { randomBytes } from 'node:crypto';
import { appendAudit, getPerson, insertMissingEpisode } from '@lantern/db';
import { AppError, londonDate, type RecordEpisodeInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { episodeInScope, presentEpisode } from './episode-support.ts';

function newEpisodeRef(reportedAt: string): string {
  const year = londonDate(new Date(reportedAt)).slice(0, 4);
  return `MIS-${year}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Records a child reported missing. */
export async function recordEpisode(app: AppContext, access: Access, input: RecordEpisodeInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const child = await getPerson(tx, input.personId, access.scope);
    if (!child || access.view(child.kind) === 'hidden') {
      throw new AppError('NOT_FOUND', `No person ${input.personId} in your districts`);
    }
    if (child.kind !== 'child') {
      throw new AppError('BAD_INPUT', `personId: ${input.personId} is an associate; missing episodes are for children`);
    }
    const id = await insertMissingEpisode(tx, {
      episodeRef: newEpisodeRef(input.reportedAt),
      personId: child.id,
      careStatus: input.careStatus,
      policeRisk: input.policeRisk,
      reportedAt: input.reportedAt,
      lastSeen: input.lastSeen,
      districtCode: child.homeDistrictCode,
      recordedById: access.principal?.id ?? null,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'missing_episode', ids: [id, child.id] }));
    return presentEpisode(tx, access, await episodeInScope(tx, access, id));
  });
}
