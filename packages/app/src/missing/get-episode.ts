import { appendAudit, interviewOf, multiAgencyMeetingsOf, philomenaPart2Of, riskGradingsOf } from '@lantern/db';
import type { MissingEpisodeDetail } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { episodeInScope, presentEpisode } from './episode-support.ts';
import { toReturnInterview } from './present-interview.ts';

/** One episode with its re-gradings, interview, meetings and Philomena part 2 (audited). */
export async function getEpisode(
  app: AppContext,
  access: Access,
  id: string,
  reason?: string,
): Promise<MissingEpisodeDetail> {
  return app.db.prisma.$transaction(async (tx) => {
    const row = await episodeInScope(tx, access, id);
    const [gradings, interview, meetings, part2] = [
      await riskGradingsOf(tx, id),
      await interviewOf(tx, id),
      await multiAgencyMeetingsOf(tx, id),
      await philomenaPart2Of(tx, id),
    ];
    await appendAudit(tx, auditEvent(access, 'read', { type: 'missing_episode', ids: [id, row.personId] }, { reason }));
    return {
      ...(await presentEpisode(tx, access, row)),
      gradings: gradings.map((grading) => ({ ...grading, gradedAt: grading.gradedAt.toISOString() })),
      interview: interview ? toReturnInterview(interview) : null,
      meetings: meetings.map((meeting) => ({ ...meeting, heldAt: meeting.heldAt.toISOString() })),
      philomenaPart2: part2,
    };
  });
}
