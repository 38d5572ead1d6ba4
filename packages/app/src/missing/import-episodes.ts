import { Readable } from 'node:stream';
import { appendAudit, importMissingEpisodesStream } from '@lantern/db';
import { AppError, formatProblem, type ImportEpisodesInput, type ImportEpisodesOutput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';

/**
 * The missing-episodes CSV from the coordinator's page: the same import as `lantern import
 * missing-episodes` (all-or-nothing unless asked, idempotent on episode_ref, every bad row by
 * line and field). The file is the county's feed from its case system, so it is not limited to
 * the caller's districts; the import is audited with its counts (not every episode's id).
 */
export async function importEpisodes(
  app: AppContext,
  access: Access,
  input: ImportEpisodesInput,
): Promise<ImportEpisodesOutput> {
  const report = await importMissingEpisodesStream(app.db.sql, Readable.from([input.csv]), input.fileName, {
    skipInvalid: input.skipInvalid,
  }).catch((error: unknown) => {
    // The file's problems come as "<file>, line n: …"; the client is also told which input
    // field held the file, as every other refused input names its field.
    if (error instanceof AppError && error.code === 'BAD_INPUT') {
      throw new AppError('BAD_INPUT', `csv: ${error.message}`, error.problems);
    }
    throw error;
  });
  const { problems, ...counts } = report;
  await app.db.prisma.$transaction((tx) =>
    appendAudit(
      tx,
      auditEvent(
        access,
        'create',
        { type: 'missing_episode', ids: [] },
        { details: { import: input.fileName, ...counts } },
      ),
    ),
  );
  return { ...counts, problems: problems.map(formatProblem) };
}
