// Neighbourhood Safeguarding and Disruption meetings. The agenda is built from the records for
// the meeting's date each time it is asked for (new intelligence since the previous meeting,
// actions for agreement, review or expiry, children of concern), and the minutes are kept per item
// key.
export { addAction } from './add-action.ts';
export { buildPack } from './build-pack.ts';
export { createMeeting } from './create-meeting.ts';
export { getActionLog } from './get-action-log.ts';
export { getMeetingAgenda } from './get-meeting-agenda.ts';
export { listMeetings } from './list-meetings.ts';
export { recordMinutes } from './record-minutes.ts';
export { updateAction } from './update-action.ts';
