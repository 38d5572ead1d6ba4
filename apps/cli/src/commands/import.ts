import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, importPoliceUkFile, type PoliceUkImportReport, rejectsCsv, shippedPath } from '@lantern/db';
import type { Io } from '../io.ts';

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

export async function importPoliceUk(db: Database, files: string[], options: ImportOptions, io: Io): Promise<void> {
  const rejects = options.rejects ? openSync(options.rejects, 'w') : undefined;
  let lastHeader = '';
  try {
    for (const file of files) {
      const started = performance.now();
      const report = await importPoliceUkFile(db.sql, file, {
        skipInvalid: options.skipInvalid,
        onReject: (reject) => {
          if (rejects === undefined) return;
          // A header before the first reject, and again only if a later file's columns differ.
          const header = reject.header.join(',');
          writeSync(rejects, rejectsCsv(reject, header !== lastHeader));
          lastHeader = header;
        },
      });
      io.out(describe(report, (performance.now() - started) / 1000));
      if (report.rejected > 0) {
        const where = options.rejects ? `; written to ${options.rejects}` : '';
        io.err(`${report.file}: skipped ${report.rejected} invalid rows${where}`);
      }
    }
  } finally {
    if (rejects !== undefined) closeSync(rejects);
  }
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
