import { closeSync, createReadStream, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type Database,
  importPoliceUkStream,
  type PoliceUkImportReport,
  type RejectedRow,
  refreshCrimeTileCells,
  rejectsCsv,
  shippedPath,
} from '@lantern/db';
import type { Io } from '../io.ts';
import { startProgress } from '../progress.ts';

export interface ImportOptions {
  skipInvalid: boolean;
  rejects?: string | undefined;
}

function describe(report: PoliceUkImportReport, seconds: number): string {
  const rate = seconds > 0 ? Math.round(report.rows / seconds) : report.rows;
  return (
    `${report.file}: ${report.rows} rows (${report.inserted} new, ${report.updated} updated, ` +
    `${report.unchanged} unchanged, ${report.withoutLocation} without location, ${report.rejected} rejected) ` +
    `in ${seconds.toFixed(2)} s, ${rate} rows/s`
  );
}

/**
 * The --rejects file: every rejected row of every file in one CSV, with a header before the first
 * reject and again only when a later file's columns differ.
 */
export function rejectsWriter(path: string | undefined) {
  const rejects = path ? openSync(path, 'w') : undefined;
  let lastHeader = '';
  return {
    onReject(reject: RejectedRow) {
      if (rejects === undefined) return;
      const header = reject.header.join(',');
      writeSync(rejects, rejectsCsv(reject, header !== lastHeader));
      lastHeader = header;
    },
    close() {
      if (rejects !== undefined) closeSync(rejects);
    },
  };
}

/** Tells stderr how many rows --skip-invalid left out, and where they went. */
export function reportSkipped(report: { file: string; rejected: number }, options: ImportOptions, io: Io): void {
  if (report.rejected === 0) return;
  const where = options.rejects ? `; written to ${options.rejects}` : '';
  io.err(`${report.file}: skipped ${report.rejected} invalid rows${where}`);
}

export async function importPoliceUk(db: Database, files: string[], options: ImportOptions, io: Io): Promise<void> {
  const rejects = rejectsWriter(options.rejects);
  try {
    for (const file of files) {
      const started = performance.now();
      // Progress by the bytes read of the file; the rows so far come from the import's batches.
      // The size first: should the file have gone since the command checked it, this throws
      // before a stream exists whose open error nothing would hear.
      const total = statSync(file).size;
      const input = createReadStream(file);
      const progress = startProgress({ label: basename(file), total, io });
      let rows = 0;
      input.on('data', () => progress.update(input.bytesRead, rows));
      const report = await importPoliceUkStream(db.sql, input, basename(file), {
        skipInvalid: options.skipInvalid,
        onReject: rejects.onReject,
        onProgress: (read) => {
          rows = read;
        },
        // Counted once for every file below: a month with a file per force is counted once.
        refreshTileCells: false,
      }).finally(() => progress.stop());
      io.out(describe(report, (performance.now() - started) / 1000));
      reportSkipped(report, options, io);
    }
  } catch (error) {
    // The files before the failed one are committed: their months are counted too. Should that
    // fail as well, they stay marked and the next open of the database counts them.
    await recountTileCells(db, io).catch(() => undefined);
    throw error;
  } finally {
    rejects.close();
  }
  await recountTileCells(db, io);
}

/** Recounts the map's tile cells of the months the imports marked stale, in one transaction. */
async function recountTileCells(db: Database, io: Io): Promise<void> {
  const started = performance.now();
  const months = await db.sql.transaction((tx) => refreshCrimeTileCells(tx));
  if (months.length === 0) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  io.err(`map tile cells: ${months.length} month${months.length > 1 ? 's' : ''} counted in ${seconds} s`);
}

/** The police.uk months shipped in data/police-uk, imported by `db seed` for the demo map. */
export async function importBundledPoliceUk(db: Database, io: Io): Promise<void> {
  const dir = shippedPath('data/police-uk');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => join(dir, name));
  await importPoliceUk(db, files, { skipInvalid: false }, io);
}
