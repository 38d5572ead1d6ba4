import { LRUCache, type Perf } from 'lru-cache';

/**
 * The channel a change to who may do what is announced on: a session ended or its expiry moved,
 * a user changed or disabled, their roles, districts or agency changed (statement triggers of
 * migration 20261213090000_principal_change_notify). Every API process listens on it.
 */
export const principalChannel = 'lantern_principal';

export interface SessionCacheOptions {
  /** How long a checked session is trusted without reading it again (ms); 0 keeps none. */
  ttlMs: number;
  /** Most sessions kept; the least recently used go first. */
  max?: number;
  /** The clock the time-to-live is measured by (tests). */
  perf?: Perf;
}

/**
 * Checked sessions (`resolveSession` keeps each principal with its expiry times), kept for `ttlMs` so that a request need not read its session again: that
 * read was one of an audited search's two round trips to the database. Only while this process
 * listens on `principalChannel`: every change announced there forgets them all, and so does a
 * lost listener, until it listens again. A session read before a change and answered after it
 * is not kept (`generation`). So a revoked session stops working as soon as the announcement
 * arrives, and `ttlMs` bounds how long it could work should one never arrive.
 */
export class SessionCache<Session extends object> {
  readonly #entries: LRUCache<string, Session> | undefined;
  #generation = 0;
  #listening = false;

  constructor({ ttlMs, max = 10_000, perf }: SessionCacheOptions) {
    // ttlResolution 0: the clock is read on every lookup, not kept for a millisecond.
    if (ttlMs > 0) this.#entries = new LRUCache({ max, ttl: ttlMs, ttlResolution: 0, ...(perf ? { perf } : {}) });
  }

  /** Whether sessions are kept now: a time-to-live above 0, and listening for changes. */
  get enabled(): boolean {
    return this.#entries !== undefined && this.#listening;
  }

  /** Taken before a session is read; `keep` with it keeps nothing if a change came in between. */
  get generation(): number {
    return this.#generation;
  }

  find(sessionId: string): Session | undefined {
    return this.enabled ? this.#entries?.get(sessionId) : undefined;
  }

  keep(sessionId: string, session: Session, generation: number): void {
    if (this.enabled && generation === this.#generation) this.#entries?.set(sessionId, session);
  }

  forgetAll(): void {
    this.#generation += 1;
    this.#entries?.clear();
  }

  /** Whether this process hears `principalChannel` now; either way, what was kept is forgotten. */
  setListening(listening: boolean): void {
    this.#listening = listening;
    this.forgetAll();
  }
}
