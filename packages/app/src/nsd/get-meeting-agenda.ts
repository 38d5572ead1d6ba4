import { appendAudit } from '@lantern/db';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { agendaHotspots, buildAgenda, meetingOrNotFound } from './meeting-support.ts';

/**
 * The agenda built for a meeting from the records, with its minutes; the children on it are
 * audited.
 */
export async function getMeetingAgenda(app: AppContext, access: Access, meetingId: string) {
  const hotspots = await agendaHotspots(app, access, await meetingOrNotFound(app.db.prisma, access, meetingId));
  return app.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, meetingId);
    const { agenda, childIds } = await buildAgenda(tx, access, meeting, hotspots);
    await appendAudit(
      tx,
      auditEvent(
        access,
        'read',
        { type: 'nsd_meeting', ids: [meetingId, ...childIds] },
        { details: { children: childIds.length } },
      ),
    );
    return agenda;
  });
}
