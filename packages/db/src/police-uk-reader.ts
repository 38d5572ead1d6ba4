import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import { AppError } from '@lantern/domain';
import { Piscina } from 'piscina';
import type { DistrictRow } from './district-locator.ts';
import type { FromReader, PoliceUkReadTask, ToReader } from './police-uk-read-work.ts';
import type { PoliceUkItem } from './police-uk-rows.ts';

/**
 * A police.uk file is read on a thread of its own (piscina) while the import's thread writes:
 * reading the CSV, checking, keying and locating its rows and formatting them for COPY kept the
 * import's thread busy about as long as the database's own work on PostgreSQL, and on PGlite, whose
 * database runs on the import's thread, none of it overlapped. The file's bytes go to the reader a
 * chunk at a time and its records come back, never more than `chunksAhead` chunks and `lookahead`
 * records ahead of the import, so a file never sits in memory whole.
 *
 * From the TypeScript sources the thread runs `police-uk-read-worker.mjs` (it registers tsx's
 * loader); in the bundled CLI the compiled `police-uk-read-worker.js` beside `main.js`. Idle
 * threads end after half a minute, so a finished import holds none.
 */
let pool: Piscina | null = null;

function readerPool(): Piscina {
  const here = import.meta.url;
  pool ??= new Piscina({
    filename: new URL(here.endsWith('.ts') ? './police-uk-read-worker.mjs' : './police-uk-read-worker.js', here).href,
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    // A reader waits on its import most of the time: imports at once share a thread.
    concurrentTasksPerWorker: 4,
    idleTimeout: 30_000,
  });
  return pool;
}

/**
 * Starts a reader thread now, for an import about to begin (the CLI, while it opens the
 * database): from the TypeScript sources a thread takes half a second or more to load its modules.
 * A thread that cannot start says so at the import's first read.
 */
export function startPoliceUkReaders(): void {
  readerPool()
    .run(null)
    .catch(() => undefined);
}

/** Ends the reader threads (the server's close, the end of a CLI command). */
export async function closePoliceUkReaders(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}

/** Input chunks sent to the reader and not yet read whole: enough to keep it busy. */
export const chunksAhead = 32;

/**
 * The records of `input` as the reader thread makes them, in file order, a chunk's worth at a
 * time. `lookahead` bounds the records read but not yet taken (with `chunksAhead`, the memory a
 * file's reading holds). The header row goes to `onHeader`. A reader's failure (not a police.uk
 * file, an empty one) is thrown as its AppError; leaving early stops the reader and the input.
 */
export async function* readPoliceUk(
  input: Readable,
  task: { file: string; crimeType: string | undefined; districts: DistrictRow[] },
  lookahead: number,
  onHeader: (header: string[]) => void,
): AsyncGenerator<PoliceUkItem[]> {
  const { port1, port2 } = new MessageChannel();
  const received: FromReader[] = [];
  // Records received and not yet taken; input chunks sent and not yet read whole.
  let waiting = 0;
  let unread = 0;
  // The import's loop and the input's feeder each wait here for the other side to move.
  const waiters = new Set<() => void>();
  const moved = () => {
    for (const wake of waiters) wake();
    waiters.clear();
  };
  const nextMove = () => new Promise<void>((resolve) => waiters.add(resolve));
  port2.on('message', (message: FromReader) => {
    received.push(message);
    if (message.kind === 'items') {
      waiting += message.items.length;
      unread -= message.read;
    }
    moved();
  });
  let done = false;
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => {
    failure ??= { error };
    moved();
  };
  const readerTask: PoliceUkReadTask = { port: port1, ...task };
  const reading = readerPool()
    .run(readerTask, { transferList: [port1] })
    .catch(fail);
  const send = (message: ToReader) => port2.postMessage(message);
  // The input goes to the reader while it keeps up with the import, and waits while it does not.
  const feeding = (async () => {
    try {
      for await (const chunk of input as AsyncIterable<Buffer | string>) {
        while (!done && (unread >= chunksAhead || waiting >= lookahead)) await nextMove();
        if (done) return;
        send({ kind: 'chunk', chunk });
        unread += 1;
      }
      if (!done) send({ kind: 'end' });
    } catch (error) {
      if (!done) fail(error);
    }
  })();
  try {
    for (;;) {
      const message = received.shift();
      if (message === undefined) {
        if (failure) throw failure.error;
        await nextMove();
        continue;
      }
      if (message.kind === 'header') onHeader(message.header);
      else if (message.kind === 'items') {
        waiting -= message.items.length;
        moved();
        if (message.items.length > 0) yield message.items;
      } else if (message.kind === 'end') return;
      else if (message.appError) throw new AppError(message.appError.code, message.message, message.appError.problems);
      else throw new Error(message.message);
    }
  } finally {
    done = true;
    moved();
    send({ kind: 'stop' });
    port2.close();
    if (!input.readableEnded) input.destroy();
    await Promise.all([reading, feeding]);
  }
}
