import { closeChange } from '@lantern/db';
import { AppError, type CloseEpisodeInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import {
  assertNotBefore,
  auditEpisodeUpdate,
  changeEpisode,
  episodeInScope,
  presentEpisode,
} from './episode-support.ts';

/** Closes an episode after the child's return. */
export async function closeEpisode(app: AppContext, access: Access, input: CloseEpisodeInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const current = await episodeInScope(tx, access, input.id);
    if (current.returnedAt === null) {
      throw new AppError('BAD_INPUT', `id: missing episode ${input.id} has no return yet; record the return first`);
    }
    assertNotBefore('closedAt', input.closedAt, current.returnedAt, 'the child returned');
    await changeEpisode(tx, input.id, input.version, closeChange(input.closedAt));
    await auditEpisodeUpdate(tx, access, current, ['closedAt']);
    return presentEpisode(tx, access, await episodeInScope(tx, access, input.id));
  });
}
