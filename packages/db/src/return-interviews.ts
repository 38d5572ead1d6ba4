import type { RhiService } from '@lantern/domain';
import type { DistrictScope } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import { missingEpisodeScope } from './missing-workflow.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Return Home Interviews: one per episode. The episode's summary columns (`rhi_service`,
 * `rhi_completed_at`) are written here in the same transaction, since the committee report and
 * the CSV import read and write those.
 */
export interface InterviewRow {
  id: string;
  episodeId: string;
  service: RhiService;
  offeredAt: Date | null;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  completedAt: Date | null;
  disclosedSexualExploitation: boolean;
  disclosedCriminalExploitation: boolean;
  disclosedAdultsPosingRisk: boolean;
  disclosedOffending: boolean;
  pushFactors: string[];
  pullFactors: string[];
  notes: string | null;
  version: number;
}

const interviewSelect = {
  id: true,
  episodeId: true,
  service: true,
  offeredAt: true,
  acceptedAt: true,
  declinedAt: true,
  completedAt: true,
  disclosedSexualExploitation: true,
  disclosedCriminalExploitation: true,
  disclosedAdultsPosingRisk: true,
  disclosedOffending: true,
  pushFactors: true,
  pullFactors: true,
  notes: true,
  version: true,
} as const;

export async function interviewOf(tx: PrismaTx, episodeId: string): Promise<InterviewRow | null> {
  return tx.returnHomeInterview.findUnique({ where: { episodeId }, select: interviewSelect });
}

export type InterviewChanges = Partial<
  Omit<InterviewRow, 'id' | 'episodeId' | 'version' | 'service'> & { service: RhiService }
>;

/** Creates the episode's interview when it has none (the service is required then). */
export async function createInterview(
  tx: PrismaTx,
  episodeId: string,
  service: RhiService,
  changes: InterviewChanges,
  recordedById: string | null,
): Promise<InterviewRow> {
  const row = await tx.returnHomeInterview.create({
    data: { ...changes, episodeId, service, recordedById },
    select: interviewSelect,
  });
  await syncEpisodeSummary(tx, episodeId);
  return row;
}

/** Changes the interview if it still has `version`; null when another edit came first. */
export async function updateInterview(
  tx: PrismaTx,
  episodeId: string,
  version: number,
  changes: InterviewChanges,
  recordedById: string | null,
): Promise<InterviewRow | null> {
  const { count } = await tx.returnHomeInterview.updateMany({
    where: { episodeId, version },
    data: { ...changes, recordedById, version: { increment: 1 }, updatedAt: new Date() },
  });
  if (count === 0) return null;
  await syncEpisodeSummary(tx, episodeId);
  return interviewOf(tx, episodeId);
}

/** The episode's summary columns follow its interview. */
async function syncEpisodeSummary(tx: PrismaTx, episodeId: string) {
  await tx.$executeRaw`
    UPDATE missing_episode me SET rhi_service = i.service, rhi_completed_at = i.completed_at,
      version = me.version + 1, updated_at = now()
    FROM return_home_interview i
    WHERE i.episode_id = me.id AND me.id = ${episodeId}::uuid`;
}

export interface OpenInterviewRow {
  episodeId: string;
  episodeRef: string;
  personId: string;
  service: RhiService;
  returnedAt: Date;
  offeredAt: Date | null;
}

/**
 * Interviews still to do: the child has returned since `returnedSince`, a service is
 * responsible, and the interview is neither completed nor declined. The caller applies the clock.
 */
export async function openInterviews(
  tx: PrismaTx,
  returnedSince: Date,
  scope: DistrictScope,
): Promise<OpenInterviewRow[]> {
  return tx.$queryRaw<OpenInterviewRow[]>`
    SELECT me.id::text AS "episodeId", me.episode_ref AS "episodeRef", me.person_id::text AS "personId",
      me.rhi_service::text AS "service", me.returned_at AS "returnedAt", i.offered_at AS "offeredAt"
    FROM missing_episode me
    JOIN person p ON p.id = me.person_id
    LEFT JOIN return_home_interview i ON i.episode_id = me.id
    WHERE me.returned_at IS NOT NULL AND me.returned_at >= ${returnedSince}
      AND me.rhi_service IS NOT NULL AND me.rhi_completed_at IS NULL AND i.declined_at IS NULL
      AND ${missingEpisodeScope(scope)}
    ORDER BY me.returned_at, me.id`;
}

/**
 * Raises a child's CSE or CCE flag to `medium` on the given day when it is `none`: a disclosure
 * in an interview is an indication that calls for a risk assessment. Returns whether it rose.
 */
export async function raiseExploitationFlag(
  tx: PrismaTx,
  personId: string,
  flag: 'cse' | 'cce',
  on: string,
): Promise<boolean> {
  const set =
    flag === 'cse'
      ? Prisma.sql`cse_risk = 'medium', cse_flagged_at = ${on}::date`
      : Prisma.sql`cce_risk = 'medium', cce_flagged_at = ${on}::date`;
  const current = flag === 'cse' ? Prisma.sql`cse_risk` : Prisma.sql`cce_risk`;
  const count = await tx.$executeRaw`
    UPDATE person SET ${set}, version = version + 1, updated_at = now()
    WHERE id = ${personId}::uuid AND ${current} = 'none'`;
  return count === 1;
}

/** Hands an episode's interview to another service (the return named a different one). */
export async function reassignInterviewService(tx: PrismaTx, episodeId: string, service: RhiService): Promise<void> {
  await tx.returnHomeInterview.update({
    where: { episodeId },
    data: { service, version: { increment: 1 }, updatedAt: new Date() },
  });
}
