import {
  appendAudit,
  createInterview,
  type InterviewChanges,
  type InterviewRow,
  interviewOf,
  raiseExploitationFlag,
  updateInterview,
} from '@lantern/db';
import { AppError, londonDate, type RecordInterviewInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { assertNotBefore, episodeInScope } from './episode-support.ts';
import { toReturnInterview } from './present-interview.ts';

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
export async function recordInterview(app: AppContext, access: Access, input: RecordInterviewInput) {
  return app.db.prisma.$transaction(async (tx) => {
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
        throw staleVersion(`the interview for episode ${episode.episodeRef}`, input.version, now?.version);
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
