import { appendAudit, type MinutedMeeting, type Transaction, writeMinute } from '@lantern/db';
import { AppError, type RecordMinutesInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { meetingOrNotFound } from './meeting-support.ts';

/** Minutes one agenda item; replacing a minute needs the version read. */
export async function recordMinutes(app: AppContext, access: Access, input: RecordMinutesInput) {
  return app.db.prisma.$transaction(async (tx) => {
    await meetingOrNotFound(tx, access, input.meetingId);
    return minuteItem(tx, access, { kind: 'nsd', id: input.meetingId }, input);
  });
}

/**
 * Writes and audits the minute of an item of an NSD or panel meeting the caller may reach (the
 * caller checks that first, in the same transaction); a stale version is a CONFLICT.
 */
export async function minuteItem(
  tx: Transaction,
  access: Access,
  meeting: MinutedMeeting,
  input: Omit<RecordMinutesInput, 'meetingId'>,
) {
  const principal = requirePrincipal(access);
  const outcome = await writeMinute(tx, {
    meeting,
    itemKey: input.itemKey,
    itemTitle: input.itemTitle,
    text: input.text,
    version: input.version,
    userId: principal.id,
  });
  if (outcome.status === 'conflict') {
    throw outcome.currentVersion === null
      ? new AppError('CONFLICT', `version: item ${input.itemKey} has no minute yet; write it without a version`)
      : staleVersion(`item ${input.itemKey}`, undefined, outcome.currentVersion, 'was minuted');
  }
  await appendAudit(
    tx,
    auditEvent(
      access,
      input.version === undefined ? 'create' : 'update',
      { type: meeting.kind === 'nsd' ? 'nsd_meeting' : 'panel_meeting', ids: [meeting.id] },
      { details: { minute: input.itemKey } },
    ),
  );
  const { minute } = outcome;
  return {
    itemKey: minute.itemKey,
    itemTitle: minute.itemTitle,
    text: minute.text,
    recordedBy: minute.recordedBy,
    version: minute.version,
  };
}
