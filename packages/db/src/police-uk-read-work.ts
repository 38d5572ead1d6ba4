import type { MessagePort } from 'node:worker_threads';
import { AppError } from '@lantern/domain/app-error';
import { type CsvRecord, csvParser, emptyFile, malformedRow } from './csv-reader.ts';
import type { DistrictRow } from './district-locator.ts';
import { type PoliceUkItem, PoliceUkRows } from './police-uk-rows.ts';

/**
 * The reader thread's side of a police.uk import (police-uk-reader.ts has the other): the file's
 * bytes arrive on `port` a chunk at a time; its records go back, read by the CSV reader every
 * import uses and made staging rows by PoliceUkRows, after each chunk.
 */
export interface PoliceUkReadTask {
  port: MessagePort;
  file: string;
  crimeType: string | undefined;
  districts: DistrictRow[];
}

/** From the import to the reader: the file's next bytes, its end, or that the import stopped. */
export type ToReader = { kind: 'chunk'; chunk: Uint8Array | string } | { kind: 'end' } | { kind: 'stop' };

/** From the reader to the import. `read` says how many chunks are read whole, for flow control. */
export type FromReader =
  | { kind: 'header'; header: string[] }
  | { kind: 'items'; items: PoliceUkItem[]; read: number }
  | { kind: 'end' }
  | { kind: 'failed'; message: string; appError?: { code: AppError['code']; problems: AppError['problems'] } };

/** Reads one file; `null` only starts the thread (startPoliceUkReaders). */
export default function readPoliceUk(task: PoliceUkReadTask | null): Promise<void> {
  if (task === null) return Promise.resolve();
  const { port, file, crimeType, districts } = task;
  const rows = new PoliceUkRows(file, crimeType, districts);
  const parser = csvParser();
  let items: PoliceUkItem[] = [];
  let read = 0;
  let settled = false;
  const post = (message: FromReader) => port.postMessage(message);
  const flush = () => {
    if (items.length === 0 && read === 0) return;
    post({ kind: 'items', items, read });
    items = [];
    read = 0;
  };
  return new Promise<void>((resolve) => {
    const finish = (last: FromReader) => {
      if (settled) return;
      settled = true;
      if (last.kind === 'end') flush();
      post(last);
      parser.destroy();
      port.close();
      resolve();
    };
    const fail = (error: unknown) =>
      finish(
        error instanceof AppError
          ? { kind: 'failed', message: error.message, appError: { code: error.code, problems: error.problems } }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
    parser.on('skip', (error: Error & { lines?: number }) => {
      items.push({ kind: 'malformed', problem: malformedRow(file, error) });
    });
    parser.on('data', ({ record, line }: CsvRecord) => {
      if (settled) return;
      try {
        const item = rows.read(record, line);
        if (item) items.push(item);
        else post({ kind: 'header', header: record });
      } catch (error) {
        fail(error);
      }
    });
    parser.on('error', fail);
    parser.on('end', () =>
      rows.header ? finish({ kind: 'end' }) : fail(emptyFile(file, 'expected a data.police.uk header row')),
    );
    port.on('message', (message: ToReader) => {
      if (settled) return;
      if (message.kind === 'chunk')
        parser.write(message.chunk, () => {
          read += 1;
          flush();
        });
      else if (message.kind === 'end') parser.end();
      else finish({ kind: 'end' });
    });
    // The import's side closed (it stopped, or its thread is gone): nothing is left to read for.
    port.on('close', () => finish({ kind: 'end' }));
  });
}
