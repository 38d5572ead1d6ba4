import { type Database, importMissingEpisodesFile } from '@lantern/db';
import type { Io } from '../io.ts';
import { type ImportOptions, rejectsWriter, reportSkipped } from './import.ts';

/** `lantern import missing-episodes <file>`: one file, all-or-nothing unless --skip-invalid. */
export async function importMissingEpisodes(db: Database, file: string, options: ImportOptions, io: Io): Promise<void> {
  const rejects = rejectsWriter(options.rejects);
  try {
    const report = await importMissingEpisodesFile(db.sql, file, {
      skipInvalid: options.skipInvalid,
      onReject: rejects.onReject,
    });
    io.out(
      `${report.file}: ${report.rows} episodes (${report.inserted} new, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.rejected} rejected); ${report.childrenCreated} children new to Lantern`,
    );
    reportSkipped(report, options, io);
  } finally {
    rejects.close();
  }
}
