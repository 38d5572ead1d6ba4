import { interviewOf, reassignInterviewService, returnChange } from '@lantern/db';
import { AppError, type RecordReturnInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import {
  assertNotBefore,
  auditEpisodeUpdate,
  changeEpisode,
  episodeInScope,
  presentEpisode,
} from './episode-support.ts';

/** Records a child's return: when, where found, by whom, and the service owing the interview. */
export async function recordReturn(app: AppContext, access: Access, input: RecordReturnInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const current = await episodeInScope(tx, access, input.id);
    if (current.closedAt !== null) {
      throw new AppError('BAD_INPUT', `id: missing episode ${input.id} is closed; its return can no longer change`);
    }
    assertNotBefore('returnedAt', input.returnedAt, current.reportedAt, 'the episode was reported');
    const interview = await interviewOf(tx, input.id);
    if (interview && input.rhiService === null) {
      throw new AppError(
        'BAD_INPUT',
        `rhiService: episode ${current.episodeRef} already has a Return Home Interview recorded (${interview.service}); name the service responsible`,
      );
    }
    await changeEpisode(tx, input.id, input.version, returnChange({ ...input }));
    if (interview && input.rhiService !== null && interview.service !== input.rhiService) {
      await reassignInterviewService(tx, input.id, input.rhiService);
    }
    await auditEpisodeUpdate(tx, access, current, [
      'returnedAt',
      'found',
      'foundLocationType',
      'foundBy',
      'rhiService',
    ]);
    return presentEpisode(tx, access, await episodeInScope(tx, access, input.id));
  });
}
