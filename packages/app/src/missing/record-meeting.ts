import { appendAudit, getMultiAgencyMeeting, insertMultiAgencyMeeting } from '@lantern/db';
import type { RecordMeetingInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { assertNotBefore, episodeInScope } from './episode-support.ts';

/** Records a multi-agency meeting as held for an episode. */
export async function recordMeeting(app: AppContext, access: Access, input: RecordMeetingInput) {
  return app.db.prisma.$transaction(async (tx) => {
    const episode = await episodeInScope(tx, access, input.episodeId);
    assertNotBefore('heldAt', input.heldAt, episode.reportedAt, `episode ${episode.episodeRef} was reported`);
    const id = await insertMultiAgencyMeeting(tx, {
      personId: episode.personId,
      episodeId: episode.id,
      trigger: input.trigger,
      heldAt: input.heldAt,
      attendees: input.attendees,
      outcome: input.outcome,
      recordedById: access.principal?.id ?? null,
    });
    await appendAudit(
      tx,
      auditEvent(access, 'create', { type: 'multi_agency_meeting', ids: [id, episode.id, episode.personId] }),
    );
    const meeting = await getMultiAgencyMeeting(tx, id);
    return { ...meeting, trigger: input.trigger, heldAt: meeting.heldAt.toISOString() };
  });
}
