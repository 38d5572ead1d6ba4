import { openInterviews } from '@lantern/db';
import {
  DAY_MS,
  type DueInterview,
  type InterviewsDueInput,
  type InterviewsDueOutput,
  rhiClock,
  rhiServices,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditEpisodeSearch, childrenOf } from './episode-support.ts';

const RHI_WINDOW_MS = 3 * DAY_MS;

/**
 * The coordinator's list: interviews due in the next 24 hours and overdue (for up to
 * `overdueWithinDays` past their due time), by service, on 5a's 72-hour clock.
 */
export async function listInterviewsDue(
  app: AppContext,
  access: Access,
  input: InterviewsDueInput,
  now: Date = new Date(),
): Promise<InterviewsDueOutput> {
  return app.db.prisma.$transaction(async (tx) => {
    const returnedSince = new Date(now.getTime() - RHI_WINDOW_MS - input.overdueWithinDays * DAY_MS);
    const rows = await openInterviews(tx, returnedSince, access.scope);
    const listed = rows.flatMap((row) => {
      const clock = rhiClock({ returnedAt: row.returnedAt, completedAt: null }, now);
      if ((clock.state !== 'due_soon' && clock.state !== 'overdue') || clock.dueAt === null) return [];
      return [{ row, state: clock.state, dueAt: clock.dueAt }];
    });
    const child = await childrenOf(
      tx,
      access,
      listed.map(({ row }) => row.personId),
    );
    const items: DueInterview[] = listed.map(({ row, state, dueAt }) => ({
      episodeId: row.episodeId,
      episodeRef: row.episodeRef,
      child: child(row.personId),
      service: row.service,
      returnedAt: row.returnedAt.toISOString(),
      dueAt: dueAt.toISOString(),
      state,
      offeredAt: row.offeredAt?.toISOString() ?? null,
    }));
    await auditEpisodeSearch(
      tx,
      access,
      listed.map(({ row }) => row),
      input,
    );
    return {
      asOf: now.toISOString(),
      services: rhiServices.map((service) => ({
        service,
        dueSoon: items.filter((item) => item.service === service && item.state === 'due_soon'),
        overdue: items.filter((item) => item.service === service && item.state === 'overdue'),
      })),
    };
  });
}
