/**
 * The one error type of Lantern. Codes map to tRPC/HTTP codes in one place (apps/api) and to exit
 * codes in the CLI. Messages name the offending field, line or value so a user can fix it.
 */
export const appErrorCodes = [
  'BAD_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export interface FieldProblem {
  /** e.g. "2024-01-street.csv" */
  file?: string;
  /** 1-based physical line in the file (the header is line 1). */
  line?: number;
  field?: string;
  value?: string;
  /** 0-based index of the feature in a GeoJSON FeatureCollection (`features[n]`), instead of a line. */
  feature?: number;
  message: string;
}

/**
 * What a CONFLICT of optimistic concurrency knows about the change that beat the caller: the
 * version now stored and, from the audit trail, who made the latest change and when, so a form
 * can say "Changed by Alex Analyst at 14:02" and offer to reload or keep the user's values.
 */
export interface ConflictDetail {
  currentVersion: number | null;
  /** The display name of whoever made the latest change; null when the audit trail has none. */
  changedBy: string | null;
  /** ISO 8601 instant of that change. */
  changedAt: string | null;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly problems: readonly FieldProblem[];
  /** Set on a CONFLICT whose record's latest change is known; the API hands it to the client as `data.conflict`. */
  readonly conflict: ConflictDetail | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    problems: readonly FieldProblem[] = [],
    detail: { conflict?: ConflictDetail } = {},
  ) {
    super(message);
    this.code = code;
    this.problems = problems;
    this.conflict = detail.conflict;
  }
}

export function formatProblem(problem: FieldProblem): string {
  const where = [
    problem.file,
    problem.line === undefined ? undefined : `line ${problem.line}`,
    problem.feature === undefined ? undefined : `feature ${problem.feature}`,
    problem.field === undefined ? undefined : `field "${problem.field}"`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const value = problem.value === undefined ? '' : ` (value "${problem.value}")`;
  return where ? `${where}: ${problem.message}${value}` : `${problem.message}${value}`;
}
