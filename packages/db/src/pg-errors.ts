/** The parts of a driver error that say what went wrong: PostgreSQL's SQLSTATE or Node's errno code. */
export interface ErrorFacts {
  code: string | undefined;
  message: string | undefined;
}

/**
 * An error and the errors it wraps (`cause`), outermost first, as code and message. Prisma's
 * driver adapters and our own wrappers keep the driver's error as a cause, so a SQLSTATE can sit
 * a few levels down; the walk stops after eight, in case a chain loops.
 */
export function errorChain(error: unknown): ErrorFacts[] {
  const chain: ErrorFacts[] = [];
  for (let cause = error; cause && chain.length < 8; cause = (cause as { cause?: unknown }).cause) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    chain.push({
      code: typeof code === 'string' ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
    });
  }
  return chain;
}

/** Whether PostgreSQL (or Node) gave this code to the error or to one it wraps. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return errorChain(error).some((facts) => facts.code === code);
}
