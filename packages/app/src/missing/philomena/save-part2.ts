import { appendAudit, philomenaPart2Of, savePhilomenaPart2 as savePhilomenaPart2InDb } from '@lantern/db';
import type { SavePhilomenaPart2Input } from '@lantern/domain';
import type { Access } from '../../access/access.ts';
import { auditEvent } from '../../audit/audit-event.ts';
import { staleVersion } from '../../concurrency/stale-version.ts';
import type { AppContext } from '../../context.ts';
import { episodeInScope } from '../episode-support.ts';

/** Saves Philomena part 2 on an episode: clothing and where the child was last seen. */
export async function savePhilomenaPart2(app: AppContext, access: Access, input: SavePhilomenaPart2Input) {
  return app.db.prisma.$transaction(async (tx) => {
    const episode = await episodeInScope(tx, access, input.episodeId);
    const outcome = await savePhilomenaPart2InDb(tx, input, access.principal?.id ?? null);
    if (outcome === 'conflict') {
      const now = await philomenaPart2Of(tx, input.episodeId);
      throw staleVersion(`part 2 for episode ${episode.episodeRef}`, input.version, now?.version);
    }
    await appendAudit(
      tx,
      auditEvent(access, input.version === undefined ? 'create' : 'update', {
        type: 'philomena_episode',
        ids: [input.episodeId, episode.personId],
      }),
    );
    const saved = await philomenaPart2Of(tx, input.episodeId);
    if (!saved) throw new Error(`part 2 of ${input.episodeId} vanished after saving`);
    return { episodeId: input.episodeId, ...saved };
  });
}
