import { episodesWithoutMeeting, episodeTimingsOf, type Transaction } from '@lantern/db';
import { DAY_MS, type MeetingsNeededInput, mamRequirements } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditEpisodeSearch, childrenOf } from './episode-support.ts';
import { loadMamThresholds } from './meeting-support.ts';

/** Episodes that require a multi-agency meeting (5a's trigger, the admin's thresholds) and have none. */
async function meetingsNeeded(tx: Transaction, access: Access, withinDays: number, now: Date) {
  const thresholds = await loadMamThresholds(tx);
  const candidates = await episodesWithoutMeeting(tx, new Date(now.getTime() - withinDays * DAY_MS), access.scope);
  if (candidates.length === 0) return [];
  const timings = await episodeTimingsOf(tx, [...new Set(candidates.map((row) => row.personId))]);
  const requirement = new Map(mamRequirements(timings, { asOf: now, thresholds }).map((result) => [result.id, result]));
  return candidates.flatMap((row) => {
    const result = requirement.get(row.id);
    return result?.required && result.triggeredAt && result.triggeredAt.getTime() <= now.getTime()
      ? [{ row, result, triggeredAt: result.triggeredAt }]
      : [];
  });
}

/** Episodes that require a multi-agency meeting and have none yet. */
export async function listMeetingsNeeded(
  app: AppContext,
  access: Access,
  input: MeetingsNeededInput,
  now: Date = new Date(),
) {
  return app.db.prisma.$transaction(async (tx) => {
    const needed = await meetingsNeeded(tx, access, input.withinDays, now);
    const child = await childrenOf(
      tx,
      access,
      needed.map(({ row }) => row.personId),
    );
    await auditEpisodeSearch(
      tx,
      access,
      needed.map(({ row }) => ({ episodeId: row.id, personId: row.personId })),
      input,
    );
    return {
      asOf: now.toISOString(),
      meetings: needed.map(({ row, result, triggeredAt }) => ({
        episodeId: row.id,
        episodeRef: row.episodeRef,
        child: child(row.personId),
        reportedAt: row.reportedAt.toISOString(),
        returnedAt: row.returnedAt?.toISOString() ?? null,
        byDuration: result.byDuration,
        byRepeat: result.byRepeat,
        episodesInWindow: result.episodesInWindow,
        triggeredAt: triggeredAt.toISOString(),
      })),
    };
  });
}
