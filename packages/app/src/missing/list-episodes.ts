import { listMissingEpisodes } from '@lantern/db';
import type { ListEpisodesInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditEpisodeSearch, childrenOf, toMissingEpisode } from './episode-support.ts';

/** Missing episodes of the caller's districts, newest first (the search is audited). */
export async function listEpisodes(app: AppContext, access: Access, input: ListEpisodesInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const rows = await listMissingEpisodes(tx, input, access.scope);
    const child = await childrenOf(
      tx,
      access,
      rows.map((row) => row.personId),
    );
    const { limit: _limit, ...criteria } = input;
    await auditEpisodeSearch(
      tx,
      access,
      rows.map((row) => ({ episodeId: row.id, personId: row.personId })),
      criteria,
    );
    return { episodes: rows.map((row) => toMissingEpisode(row, child(row.personId))) };
  });
}
