/** A task run every `intervalMs` until stopped. */
export interface Periodic {
  /** Stops the timer and waits for a round still running. */
  stop(): Promise<void>;
}

/**
 * Runs `round` every `intervalMs`, one round at a time: a round that overruns the interval delays
 * the next rather than overlapping it. A failed round goes to `onError` and the next runs as usual.
 * The timer does not keep the process alive.
 */
export function runPeriodically(
  round: () => Promise<unknown>,
  options: { intervalMs: number; onError: (error: unknown) => void },
): Periodic {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = round()
      .catch(options.onError)
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
