import { TRPCClientError } from '@trpc/client';

/** What to tell the user about a failed call: the API's own message (it names the field to fix). */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    // A network failure has no server answer: say so rather than "Failed to fetch".
    if (error.data === undefined && error.shape === undefined) {
      return 'The Lantern server could not be reached. Check your connection and try again.';
    }
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

/** True when the API says the caller is not signed in (no session, or it expired). */
export function isSignedOutError(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}

/** The API's error code (NOT_FOUND, FORBIDDEN, BAD_REQUEST, …), when the server answered. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

/** Whether trying the same call again might succeed: no answer at all, or a server fault (5xx). */
export function mayPass(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
  return status === undefined || status >= 500;
}
