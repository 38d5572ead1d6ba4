import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import './long-work.css';

/** Work shorter than this shows no progress: a flash of "Working…" helps nobody. */
export const longWorkAfterMs = 1000;

/** Whole seconds since `active` last turned true (0 while it is false), ticking once a second. */
export function useElapsedSeconds(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!active) return;
    const started = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => window.clearInterval(timer);
  }, [active]);
  return active ? seconds : 0;
}

export interface LongWork {
  /** The request is on its way. */
  working: boolean;
  /** The user cancelled it and nothing has been asked for since. */
  cancelled: boolean;
  cancel(): void;
  /** Ask again for what was cancelled. */
  retry(): void;
}

/**
 * Cancelling a long query: `cancel` aborts the request (the query must be built with
 * `trpc: { abortOnUnmount: true }`, which hands TanStack Query's signal to the fetch) and puts the
 * query back as it was; the page stays usable and says "Cancelled" until the query is asked again,
 * by `retry` or by new settings (a new key).
 */
export function useLongWork(queryKey: QueryKey, fetching: boolean): LongWork {
  const queryClient = useQueryClient();
  const key = JSON.stringify(queryKey);
  const [cancelledKey, setCancelledKey] = useState<string | null>(null);
  return {
    working: fetching,
    cancelled: cancelledKey === key && !fetching,
    cancel() {
      setCancelledKey(key);
      void queryClient.cancelQueries({ queryKey, exact: true });
    },
    retry() {
      setCancelledKey(null);
      void queryClient.refetchQueries({ queryKey, exact: true });
    },
  };
}

export interface LongAction extends LongWork {
  /**
   * Runs `work` with a fresh abort signal (cancelling any run still going): resolves to what it
   * returns, or to `undefined` once cancelled (an abort is no error). `retry` runs the last work again.
   */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined>;
}

/**
 * Cancelling a long action (an export, an import, a report worked out on demand): mutations have no
 * signal of their own, so each run gets an AbortController whose signal the work hands to the tRPC
 * call (`client.x.mutate(input, { signal })`). Cancel aborts it; leaving the page does too. The work
 * shows its own errors: `retry` ignores what it throws.
 */
export function useLongAction(): LongAction {
  const [working, setWorking] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const current = useRef<AbortController | null>(null);
  const last = useRef<((signal: AbortSignal) => Promise<unknown>) | null>(null);
  useEffect(() => () => current.current?.abort(), []);
  const run = useCallback(async <T,>(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    last.current = work;
    setWorking(true);
    setCancelled(false);
    try {
      return await work(controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      throw error;
    } finally {
      if (current.current === controller) {
        current.current = null;
        setWorking(false);
      }
    }
  }, []);
  const cancel = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setWorking(false);
    setCancelled(true);
  }, []);
  const retry = useCallback(() => {
    const work = last.current;
    if (work) run(work).catch(() => undefined);
  }, [run]);
  return { working, cancelled, cancel, retry, run };
}

/**
 * What long work shows: while it runs, `children` (what is being done); after a second, "Working… 3 s"
 * with a Cancel button; once cancelled, "Cancelled" with a way to run it again. One status region
 * (role=status, aria-busy while working); the ticking seconds are hidden from screen readers, which
 * would otherwise read them out every second.
 */
export function LongWorkStatus({ work, children }: { work: LongWork; children: ReactNode }) {
  const seconds = useElapsedSeconds(work.working);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!work.working) return;
    const timer = window.setTimeout(() => setSlow(true), longWorkAfterMs);
    return () => window.clearTimeout(timer);
  }, [work.working]);
  if (work.working) {
    return (
      <div className="status status--loading long-work" role="status" aria-busy="true">
        <p>{children}</p>
        {slow && (
          <p className="long-work__progress">
            <span className="long-work__spinner" aria-hidden="true" />
            Working… <span aria-hidden="true">{seconds} s</span>{' '}
            <button className="button" type="button" onClick={work.cancel}>
              Cancel
            </button>
          </p>
        )}
      </div>
    );
  }
  if (work.cancelled) {
    return (
      <div className="status long-work long-work--cancelled" role="status" aria-busy="false">
        <p>
          Cancelled.{' '}
          <button className="button" type="button" onClick={work.retry}>
            Run again
          </button>
        </p>
      </div>
    );
  }
  return null;
}
