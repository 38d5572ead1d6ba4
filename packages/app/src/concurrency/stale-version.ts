import { latestChangeOf, type PrismaTx } from '@lantern/db';
import { AppError, type ConflictDetail } from '@lantern/domain';

/**
 * The CONFLICT of optimistic concurrency: the caller wrote against `read` but the record is now
 * at `now`. One message everywhere, naming the field (`version`), the record and both versions,
 * so the user knows to reload rather than retry. With `lastChange` the error also carries who
 * changed it and when (`AppError.conflict`), which the web app shows beside "reload or keep yours".
 */
export function staleVersion(
  record: string,
  read: number | undefined,
  now: number | null | undefined,
  verb = 'was changed',
  lastChange?: Omit<ConflictDetail, 'currentVersion'>,
): AppError {
  const since = read === undefined ? '' : ` since you read version ${read}`;
  const current = now === null || now === undefined ? '' : ` (it is now version ${now})`;
  return new AppError(
    'CONFLICT',
    `version: ${record} ${verb} by someone else${since}${current}; reload it and make your change again`,
    [],
    lastChange ? { conflict: { currentVersion: now ?? null, ...lastChange } } : {},
  );
}

/**
 * `staleVersion` for a record whose creation and changes are audited under its id: the latest
 * create or update event in the audit trail names who changed it and when. Read inside the
 * transaction that found the conflict, so the event of the change that won is committed and seen.
 */
export async function staleVersionWithLastChange(
  tx: PrismaTx,
  recordId: string,
  record: string,
  read: number,
  now: number,
): Promise<AppError> {
  const change = await latestChangeOf(tx, recordId);
  return staleVersion(record, read, now, 'was changed', {
    changedBy: change?.displayName ?? null,
    changedAt: change?.at ?? null,
  });
}
