import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  createInterview,
  type InterviewChanges,
  type InterviewRow,
  interviewOf,
  openInterviews,
  raiseExploitationFlag,
  updateInterview,
} from '@lantern/db';
import {
  AppError,
  type DueInterview,
  type InterviewsDueInput,
  type InterviewsDueOutput,
  londonDate,
  type RecordInterviewInput,
  rhiClock,
  rhiServices,
} from '@lantern/domain';
import type { Context } from '../context.ts';
import { assertNotBefore, auditEpisodeSearch, childrenOf, episodeInScope } from './missing-episodes-service.ts';
import { toReturnInterview } from './missing-interview-dto.ts';

const DAY_MS = 86_400_000;
const RHI_WINDOW_MS = 3 * DAY_MS;

/**
 * The coordinator's list: interviews due in the next 24 hours and overdue (for up to
 * `overdueWithinDays` past their due time), by service, on 5a's 72-hour clock.
 */
export async function interviewsDueService(
  ctx: Context,
  access: Access,
  input: InterviewsDueInput,
  now: Date = new Date(),
): Promise<InterviewsDueOutput> {
  return ctx.db.prisma.$transaction(async (tx) => {
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

const timeFields = ['offeredAt', 'acceptedAt', 'declinedAt', 'completedAt'] as const;

function changesOf(input: RecordInterviewInput): InterviewChanges {
  const changes: InterviewChanges = {};
  for (const field of timeFields) {
    const value = input[field];
    if (value !== undefined) changes[field] = value === null ? null : new Date(value);
  }
  if (input.disclosed) {
    changes.disclosedSexualExploitation = input.disclosed.sexualExploitation;
    changes.disclosedCriminalExploitation = input.disclosed.criminalExploitation;
    changes.disclosedAdultsPosingRisk = input.disclosed.adultsPosingRisk;
    changes.disclosedOffending = input.disclosed.offending;
  }
  if (input.pushFactors) changes.pushFactors = input.pushFactors;
  if (input.pullFactors) changes.pullFactors = input.pullFactors;
  if (input.notes !== undefined) changes.notes = input.notes;
  return changes;
}

/**
 * Records what happened with an episode's Return Home Interview. Completing one in which the
 * child disclosed sexual or criminal exploitation raises the child's CSE or CCE flag.
 */
export async function recordInterviewService(ctx: Context, access: Access, input: RecordInterviewInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const episode = await episodeInScope(tx, access, input.episodeId);
    if (episode.returnedAt === null || episode.rhiService === null) {
      throw new AppError(
        'BAD_INPUT',
        episode.returnedAt === null
          ? `episodeId: the child of episode ${episode.episodeRef} has not returned; record the return first`
          : `episodeId: episode ${episode.episodeRef} needs no Return Home Interview (no responsible service at its return)`,
      );
    }
    const returnedAt = episode.returnedAt;
    for (const field of timeFields) {
      const value = input[field];
      if (value) assertNotBefore(field, value, returnedAt, 'the child returned');
    }
    const current = await interviewOf(tx, input.episodeId);
    const changes = changesOf(input);
    const principalId = access.principal?.id ?? null;
    let interview: InterviewRow | null;
    if (current === null) {
      if (input.version !== undefined) {
        throw new AppError('CONFLICT', `version: episode ${episode.episodeRef} has no interview yet; omit version`);
      }
      interview = await createInterview(tx, input.episodeId, episode.rhiService, changes, principalId);
    } else {
      if (input.version === undefined) {
        throw new AppError(
          'CONFLICT',
          `version: episode ${episode.episodeRef} already has an interview (version ${current.version}); reload it and make your change again`,
        );
      }
      const merged = { ...current, ...changes };
      if (merged.declinedAt !== null && (merged.completedAt !== null || merged.acceptedAt !== null)) {
        throw new AppError(
          'BAD_INPUT',
          'declinedAt: an interview that was declined cannot also be accepted or completed',
        );
      }
      interview = await updateInterview(tx, input.episodeId, input.version, changes, principalId);
      if (!interview) {
        const now = await interviewOf(tx, input.episodeId);
        throw new AppError(
          'CONFLICT',
          `version: the interview for episode ${episode.episodeRef} was changed by someone else since you read version ${input.version} (it is now version ${now?.version}); reload it and make your change again`,
        );
      }
    }
    const raisedFlags: Array<'cse' | 'cce'> = [];
    if (interview.completedAt !== null) {
      const on = londonDate(interview.completedAt);
      if (interview.disclosedSexualExploitation && (await raiseExploitationFlag(tx, episode.personId, 'cse', on))) {
        raisedFlags.push('cse');
      }
      if (interview.disclosedCriminalExploitation && (await raiseExploitationFlag(tx, episode.personId, 'cce', on))) {
        raisedFlags.push('cce');
      }
    }
    await appendAudit(
      tx,
      auditEvent(
        access,
        current === null ? 'create' : 'update',
        { type: 'return_home_interview', ids: [interview.id, input.episodeId, episode.personId] },
        { details: { fields: Object.keys(changes).sort(), raisedFlags } },
      ),
    );
    return { interview: toReturnInterview(interview), raisedFlags };
  });
}
