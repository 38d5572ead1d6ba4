import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { actionLogOf, meetingOrNotFound, toMeeting } from './meeting-support.ts';

/** The action log as it stands at a meeting. */
export async function getActionLog(app: AppContext, access: Access, meetingId: string) {
  return app.db.prisma.$transaction(async (tx) => {
    const meeting = await meetingOrNotFound(tx, access, meetingId);
    return { meeting: toMeeting(meeting), items: await actionLogOf(tx, meeting) };
  });
}
