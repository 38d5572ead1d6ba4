import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  episodesWithoutMeeting,
  episodeTimingsOf,
  getMissingThresholds,
  insertMultiAgencyMeeting,
  type PrismaTx,
  setMissingThresholds,
  type ThresholdsRow,
} from '@lantern/db';
import {
  AppError,
  type MamThresholds,
  type MeetingsNeededInput,
  mamRequirements,
  type RecordMeetingInput,
  type SetThresholdsInput,
} from '@lantern/domain';
import type { Context } from '../context.ts';
import { assertNotBefore, auditEpisodeSearch, childrenOf, episodeInScope } from './missing-episodes-service.ts';

const DAY_MS = 86_400_000;

export function mamThresholdsOf(row: ThresholdsRow): MamThresholds {
  return { durationHours: row.mamDurationHours, repeatCount: row.mamRepeatCount, windowDays: row.mamWindowDays };
}

function toThresholds(row: ThresholdsRow) {
  return {
    mamDurationHours: row.mamDurationHours,
    mamRepeatCount: row.mamRepeatCount,
    mamWindowDays: row.mamWindowDays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getThresholdsService(ctx: Context) {
  return toThresholds(await getMissingThresholds(ctx.db.prisma));
}

export async function setThresholdsService(ctx: Context, access: Access, input: SetThresholdsInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await getMissingThresholds(tx);
    const after = await setMissingThresholds(tx, input, access.principal?.id ?? null);
    if (!after) {
      throw new AppError(
        'CONFLICT',
        `version: the thresholds were changed by someone else since you read version ${input.version} (they are now version ${before.version}); reload them and make your change again`,
      );
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'missing_settings', ids: ['1'] },
        { details: { before: mamThresholdsOf(before), after: mamThresholdsOf(after) } },
      ),
    );
    return toThresholds(after);
  });
}

/** Episodes that require a multi-agency meeting (5a's trigger, the admin's thresholds) and have none. */
async function meetingsNeeded(tx: PrismaTx, access: Access, withinDays: number, now: Date) {
  const thresholds = mamThresholdsOf(await getMissingThresholds(tx));
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

export async function meetingsNeededService(
  ctx: Context,
  access: Access,
  input: MeetingsNeededInput,
  now: Date = new Date(),
) {
  return ctx.db.prisma.$transaction(async (tx) => {
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

export async function recordMeetingService(ctx: Context, access: Access, input: RecordMeetingInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const episode = await episodeInScope(tx, access, input.episodeId);
    assertNotBefore('heldAt', input.heldAt, episode.reportedAt, `episode ${episode.episodeRef} was reported`);
    const id = await insertMultiAgencyMeeting(tx, {
      personId: episode.personId,
      episodeId: episode.id,
      trigger: input.trigger,
      heldAt: input.heldAt,
      attendees: input.attendees,
      outcome: input.outcome,
      recordedById: access.principal?.id ?? null,
    });
    await appendAudit(
      tx,
      auditEvent(access, 'create', { type: 'multi_agency_meeting', ids: [id, episode.id, episode.personId] }),
    );
    const meeting = await tx.multiAgencyMeeting.findUniqueOrThrow({
      where: { id },
      select: { id: true, episodeId: true, trigger: true, heldAt: true, attendees: true, outcome: true, version: true },
    });
    return { ...meeting, trigger: input.trigger, heldAt: meeting.heldAt.toISOString() };
  });
}
