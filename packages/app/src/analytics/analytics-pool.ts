import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { HotspotWork } from './hotspot-work.ts';
import type { NetworkOutcome, NetworkWork } from './network-work.ts';

/**
 * The analytics worker pool (piscina). Hot spots, density surfaces, emerging patterns and network metrics run here,
 * off the server's event loop, so `/healthz`, sign-in and every cheap read answer while the heaviest
 * allowed analysis runs. One thread fewer than the machine's cores (at least one) keeps a core for
 * the event loop; threads that sit idle for half a minute end, so an idle server or a finished CLI
 * command holds none.
 *
 * From the TypeScript sources the worker is `analytics-worker.mjs` (it registers tsx's loader);
 * in the bundled CLI it is the compiled `analytics-worker.js` beside `main.js`.
 */
let pool: Piscina | null = null;

function workerFile(): string {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('./analytics-worker.mjs', here).href
    : new URL('./analytics-worker.js', here).href;
}

export function analyticsPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: 30_000,
  });
  return pool;
}

/** Runs one piece of hot-spot work in the pool and resolves with what the work function returns. */
export function runHotspotWork<Result>(work: HotspotWork, signal?: AbortSignal): Promise<Result> {
  return analyticsPool().run(work, runOptions(signal)) as Promise<Result>;
}

/** Runs a network view's metrics in the pool. */
export function runNetworkWork(work: NetworkWork, signal?: AbortSignal): Promise<NetworkOutcome> {
  return analyticsPool().run(work, runOptions(signal)) as Promise<NetworkOutcome>;
}

/** A cancelled request's work leaves the queue, or its thread is stopped, instead of running on for nobody. */
function runOptions(signal: AbortSignal | undefined) {
  return signal ? { signal } : {};
}

/** Ends the pool's threads (the server's close, the end of a CLI command). */
export async function closeAnalyticsPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
