import { type Database, importIntelligenceFile } from '@lantern/db';
import type { Io } from '../io.ts';
import { type ImportOptions, rejectsWriter, reportSkipped } from './import.ts';

/** `lantern import intelligence <file>`: one file, all-or-nothing unless --skip-invalid. */
export async function importIntelligence(db: Database, file: string, options: ImportOptions, io: Io): Promise<void> {
  const rejects = rejectsWriter(options.rejects);
  try {
    const report = await importIntelligenceFile(db.sql, file, {
      skipInvalid: options.skipInvalid,
      onReject: rejects.onReject,
    });
    io.out(
      `${report.file}: ${report.rows} reports (${report.inserted} new, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.rejected} rejected); ${report.awaitingEvaluation} ungraded, ` +
        'awaiting evaluation',
    );
    reportSkipped(report, options, io);
  } finally {
    rejects.close();
  }
}
