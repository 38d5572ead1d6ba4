import type { Database } from '@lantern/db';

/**
 * What every use case needs besides its caller and input: the database. The API's request
 * context, the CLI and the benchmarks each hand one over; nothing here knows about HTTP.
 */
export interface AppContext {
  readonly db: Database;
  /** Aborted when the caller has gone (a cancelled request): long work in the analytics pool stops. */
  readonly signal?: AbortSignal | undefined;
}
