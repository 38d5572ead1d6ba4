import type { Database, DataVersions } from '@lantern/db';

/**
 * What every use case needs besides its caller and input: the database. The API's request
 * context, the CLI and the benchmarks each hand one over; nothing here knows about HTTP.
 */
export interface AppContext {
  readonly db: Database;
  /** Aborted when the caller has gone (a cancelled request): long work in the analytics pool stops. */
  readonly signal?: AbortSignal | undefined;
  /**
   * The data versions committed when the request began, read with its session: what a reply kept
   * by version (the district counts) is looked up by, without a read of its own. Absent outside
   * HTTP (the CLI, tests), where each use case reads what it needs.
   */
  readonly versions?: DataVersions | undefined;
}
