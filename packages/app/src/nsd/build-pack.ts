import { appendAudit, disruptionInForceOnPlaces } from '@lantern/db';
import { londonDate, type NsdPack } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { actionLogOf, agendaHotspots, buildAgenda, meetingOrNotFound, toMeeting } from './meeting-support.ts';

/** The printable meeting pack, redacted for the reader; the export is audited. */
export async function buildPack(app: AppContext, access: Access, meetingId: string): Promise<NsdPack> {
  const hotspots = await agendaHotspots(app, access, await meetingOrNotFound(app.db.prisma, access, meetingId));
  return app.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, meetingId);
    const { agenda, childIds } = await buildAgenda(tx, access, meeting, hotspots);
    const actionLog = await actionLogOf(tx, meeting);
    // In force on the day the pack is prepared, or on the day of a meeting already held.
    const today = londonDate();
    const asOf = [meeting.heldOn, today].sort()[0] ?? today;
    const tacticsInForce = await disruptionInForceOnPlaces(tx, { districtCode: meeting.districtCode }, 'all', asOf);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'export',
        { type: 'nsd_meeting', ids: [meetingId, ...childIds] },
        { details: { children: childIds.length } },
      ),
    );
    return {
      meeting: toMeeting(meeting),
      childrenShownAs: access.view('child') === 'full' ? 'full' : 'pseudonymised',
      generatedAt: new Date().toISOString(),
      agenda,
      actionLog,
      tacticsInForce,
    };
  });
}
