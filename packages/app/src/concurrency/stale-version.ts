import { AppError } from '@lantern/domain';

/**
 * The CONFLICT of optimistic concurrency: the caller wrote against `read` but the record is now
 * at `now`. One message everywhere, naming the field (`version`), the record and both versions,
 * so the user knows to reload rather than retry.
 */
export function staleVersion(
  record: string,
  read: number | undefined,
  now: number | null | undefined,
  verb = 'was changed',
): AppError {
  const since = read === undefined ? '' : ` since you read version ${read}`;
  const current = now === null || now === undefined ? '' : ` (it is now version ${now})`;
  return new AppError(
    'CONFLICT',
    `version: ${record} ${verb} by someone else${since}${current}; reload it and make your change again`,
  );
}
