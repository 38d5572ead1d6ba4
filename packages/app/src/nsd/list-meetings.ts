import { listMeetings as listMeetingsInDb } from '@lantern/db';
import type { ListMeetingsInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { toMeeting } from './meeting-support.ts';

/** NSD meetings of the caller's districts. */
export async function listMeetings(app: AppContext, access: Access, input: ListMeetingsInput) {
  const rows = await listMeetingsInDb(app.db.prisma, input, access.scope);
  return { meetings: rows.map((row) => ({ ...toMeeting(row), minutes: row.minutes, openActions: row.openActions })) };
}
