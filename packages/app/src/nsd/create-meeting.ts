import { appendAudit, getMeeting, insertMeeting, meetingOn } from '@lantern/db';
import { AppError, type CreateMeetingInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { notFound, toMeeting } from './meeting-support.ts';

/** Arranges an NSD meeting for a district; one meeting per district and day. */
export async function createMeeting(app: AppContext, access: Access, input: CreateMeetingInput) {
  const principal = requirePrincipal(access);
  if (access.scope !== 'all' && !access.scope.includes(input.districtCode)) {
    throw new AppError('FORBIDDEN', `districtCode: ${input.districtCode} is outside your districts`);
  }
  return app.db.prisma.$transaction(async (tx) => {
    if (await meetingOn(tx, input.districtCode, input.heldOn)) {
      throw new AppError('CONFLICT', `heldOn: ${input.districtCode} already has an NSD meeting on ${input.heldOn}`);
    }
    const id = await insertMeeting(tx, {
      districtCode: input.districtCode,
      heldOn: input.heldOn,
      chair: input.chair ?? null,
      attendees: input.attendees,
      agencies: input.agencies,
      createdById: principal.id,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'nsd_meeting', ids: [id] }));
    const row = await getMeeting(tx, id, 'all');
    if (!row) throw notFound(id);
    return toMeeting(row);
  });
}
