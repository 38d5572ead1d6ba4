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
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly problems: readonly FieldProblem[];

  constructor(code: AppErrorCode, message: string, problems: readonly FieldProblem[] = []) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}

export function formatProblem(problem: FieldProblem): string {
  const where = [
    problem.file,
    problem.line === undefined ? undefined : `line ${problem.line}`,
    problem.field === undefined ? undefined : `field "${problem.field}"`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const value = problem.value === undefined ? '' : ` (value "${problem.value}")`;
  return where ? `${where}: ${problem.message}${value}` : `${problem.message}${value}`;
}
