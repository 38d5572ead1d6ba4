import { router } from '../../trpc.ts';
import { addAction } from './add-action.ts';
import { agenda } from './build-agenda.ts';
import { pack } from './build-pack.ts';
import { createMeeting } from './create-meeting.ts';
import { actionLog } from './get-action-log.ts';
import { listMeetings } from './list-meetings.ts';
import { recordMinutes } from './record-minutes.ts';
import { updateAction } from './update-action.ts';

export const nsdRouter = router({
  listMeetings,
  createMeeting,
  agenda,
  recordMinutes,
  actionLog,
  addAction,
  updateAction,
  pack,
});
