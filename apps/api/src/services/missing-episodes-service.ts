import { randomBytes } from 'node:crypto';
import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  bumpMissingEpisode,
  closeChange,
  getMissingEpisode,
  getPerson,
  insertMissingEpisode,
  insertRiskGrading,
  interviewOf,
  listMissingEpisodes,
  type MissingEpisodeRow,
  multiAgencyMeetingsOf,
  type PersonRow,
  type Prisma,
  type PrismaTx,
  regradeChange,
  returnChange,
  riskGradingsOf,
} from '@lantern/db';
import {
  AppError,
  type CloseEpisodeInput,
  type ListEpisodesInput,
  londonDate,
  type MissingEpisode,
  type MissingEpisodeDetail,
  type Person,
  type RecordEpisodeInput,
  type RecordReturnInput,
  type RegradeRiskInput,
  toPersonDto,
} from '@lantern/domain';
import type { Context } from '../context.ts';
import { toReturnInterview } from './missing-interview-dto.ts';

/** Missing episodes: scoped by the child's home district, every read and change audited. */
export const episodeNotFound = (id: string) => new AppError('NOT_FOUND', `No missing episode ${id} in your districts`);

export function presentPerson(access: Access, row: PersonRow): Person {
  const view = access.view(row.kind);
  if (view === 'hidden') throw new AppError('NOT_FOUND', `No person ${row.id} in your districts`);
  return toPersonDto(row, view, londonDate());
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export function toMissingEpisode(row: MissingEpisodeRow, child: Person): MissingEpisode {
  return {
    id: row.id,
    episodeRef: row.episodeRef,
    child,
    careStatus: row.careStatus,
    policeRisk: row.policeRisk,
    reportedAt: row.reportedAt.toISOString(),
    returnedAt: iso(row.returnedAt),
    closedAt: iso(row.closedAt),
    lastSeen:
      row.lastSeenLon === null || row.lastSeenLat === null ? null : { lon: row.lastSeenLon, lat: row.lastSeenLat },
    found: row.foundLon === null || row.foundLat === null ? null : { lon: row.foundLon, lat: row.foundLat },
    foundLocationType: row.foundLocationType,
    foundBy: row.foundBy,
    returnNotes: row.returnNotes,
    districtCode: row.districtCode,
    rhiService: row.rhiService,
    rhiCompletedAt: iso(row.rhiCompletedAt),
    mamHeldAt: iso(row.mamHeldAt),
    version: row.version,
  };
}

/** The children of some episodes, each once, as the caller may see them. */
export async function childrenOf(tx: PrismaTx, access: Access, personIds: readonly string[]) {
  const children = new Map<string, Person>();
  for (const personId of new Set(personIds)) {
    const row = await getPerson(tx, personId, 'all');
    if (row) children.set(personId, presentPerson(access, row));
  }
  return (personId: string) => {
    const child = children.get(personId);
    if (!child) throw new Error(`person ${personId} of an episode vanished`);
    return child;
  };
}

async function presentEpisode(tx: PrismaTx, access: Access, row: MissingEpisodeRow): Promise<MissingEpisode> {
  const child = await childrenOf(tx, access, [row.personId]);
  return toMissingEpisode(row, child(row.personId));
}

/** The episode as it is now, or NOT_FOUND when it is not in the caller's districts. */
export async function episodeInScope(tx: PrismaTx, access: Access, id: string): Promise<MissingEpisodeRow> {
  const row = await getMissingEpisode(tx, id, access.scope);
  if (!row) throw episodeNotFound(id);
  return row;
}

function conflict(id: string, read: number, now: number) {
  return new AppError(
    'CONFLICT',
    `version: missing episode ${id} was changed by someone else since you read version ${read} (it is now version ${now}); reload it and make your change again`,
  );
}

/** Applies one change under the episode's version; CONFLICT when someone else changed it first. */
async function changeEpisode(tx: PrismaTx, id: string, version: number, change: Prisma.Sql) {
  if (!(await bumpMissingEpisode(tx, id, version, change))) {
    const now = await getMissingEpisode(tx, id, 'all');
    throw conflict(id, version, now?.version ?? version);
  }
}

/** BAD_INPUT naming the field when `value` is earlier than `earliest`. */
export function assertNotBefore(field: string, value: string, earliest: Date, what: string) {
  if (Date.parse(value) < earliest.getTime()) {
    throw new AppError('BAD_INPUT', `${field}: ${value} is before ${what} (${earliest.toISOString()})`);
  }
}

function auditEpisodeUpdate(
  tx: PrismaTx,
  access: Access,
  episode: MissingEpisodeRow,
  fields: string[],
  extra: Record<string, unknown> = {},
) {
  return appendAudit(
    tx,
    auditEvent(
      access,
      'update',
      { type: 'missing_episode', ids: [episode.id, episode.personId] },
      {
        details: { fields, ...extra },
      },
    ),
  );
}

/** The audit of a list of episodes: which episodes and which children the caller was shown. */
export function auditEpisodeSearch(
  tx: PrismaTx,
  access: Access,
  shown: ReadonlyArray<{ episodeId: string; personId: string }>,
  criteria: Record<string, unknown>,
) {
  return appendAudit(
    tx,
    auditEvent(
      access,
      'search',
      { type: 'missing_episode', ids: shown.map((item) => item.episodeId) },
      { details: { criteria, people: [...new Set(shown.map((item) => item.personId))] } },
    ),
  );
}

function newEpisodeRef(reportedAt: string): string {
  const year = londonDate(new Date(reportedAt)).slice(0, 4);
  return `MIS-${year}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export async function recordEpisodeService(ctx: Context, access: Access, input: RecordEpisodeInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const child = await getPerson(tx, input.personId, access.scope);
    if (!child || access.view(child.kind) === 'hidden') {
      throw new AppError('NOT_FOUND', `No person ${input.personId} in your districts`);
    }
    if (child.kind !== 'child') {
      throw new AppError('BAD_INPUT', `personId: ${input.personId} is an associate; missing episodes are for children`);
    }
    const id = await insertMissingEpisode(tx, {
      episodeRef: newEpisodeRef(input.reportedAt),
      personId: child.id,
      careStatus: input.careStatus,
      policeRisk: input.policeRisk,
      reportedAt: input.reportedAt,
      lastSeen: input.lastSeen,
      districtCode: child.homeDistrictCode,
      recordedById: access.principal?.id ?? null,
    });
    await appendAudit(tx, auditEvent(access, 'create', { type: 'missing_episode', ids: [id, child.id] }));
    return presentEpisode(tx, access, await episodeInScope(tx, access, id));
  });
}

export async function regradeRiskService(ctx: Context, access: Access, input: RegradeRiskInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const current = await episodeInScope(tx, access, input.id);
    if (current.policeRisk === input.toRisk) {
      throw new AppError('BAD_INPUT', `toRisk: the episode is already graded ${input.toRisk}`);
    }
    assertNotBefore('gradedAt', input.gradedAt, current.reportedAt, 'the episode was reported');
    await changeEpisode(tx, input.id, input.version, regradeChange(input.toRisk));
    await insertRiskGrading(tx, {
      episodeId: input.id,
      fromRisk: current.policeRisk,
      toRisk: input.toRisk,
      gradedAt: input.gradedAt,
      gradedById: access.principal?.id ?? null,
      reason: input.reason,
    });
    await auditEpisodeUpdate(tx, access, current, ['policeRisk'], { from: current.policeRisk, to: input.toRisk });
    return presentEpisode(tx, access, await episodeInScope(tx, access, input.id));
  });
}

export async function recordReturnService(ctx: Context, access: Access, input: RecordReturnInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const current = await episodeInScope(tx, access, input.id);
    if (current.closedAt !== null) {
      throw new AppError('BAD_INPUT', `id: missing episode ${input.id} is closed; its return can no longer change`);
    }
    assertNotBefore('returnedAt', input.returnedAt, current.reportedAt, 'the episode was reported');
    const interview = await interviewOf(tx, input.id);
    if (interview && input.rhiService === null) {
      throw new AppError(
        'BAD_INPUT',
        `rhiService: episode ${current.episodeRef} already has a Return Home Interview recorded (${interview.service}); name the service responsible`,
      );
    }
    await changeEpisode(tx, input.id, input.version, returnChange({ ...input }));
    if (interview && input.rhiService !== null && interview.service !== input.rhiService) {
      await tx.returnHomeInterview.update({
        where: { episodeId: input.id },
        data: { service: input.rhiService, version: { increment: 1 }, updatedAt: new Date() },
      });
    }
    await auditEpisodeUpdate(tx, access, current, [
      'returnedAt',
      'found',
      'foundLocationType',
      'foundBy',
      'rhiService',
    ]);
    return presentEpisode(tx, access, await episodeInScope(tx, access, input.id));
  });
}

export async function closeEpisodeService(ctx: Context, access: Access, input: CloseEpisodeInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const current = await episodeInScope(tx, access, input.id);
    if (current.returnedAt === null) {
      throw new AppError('BAD_INPUT', `id: missing episode ${input.id} has no return yet; record the return first`);
    }
    assertNotBefore('closedAt', input.closedAt, current.returnedAt, 'the child returned');
    await changeEpisode(tx, input.id, input.version, closeChange(input.closedAt));
    await auditEpisodeUpdate(tx, access, current, ['closedAt']);
    return presentEpisode(tx, access, await episodeInScope(tx, access, input.id));
  });
}

export async function listEpisodesService(ctx: Context, access: Access, input: ListEpisodesInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const rows = await listMissingEpisodes(tx, input, access.scope);
    const child = await childrenOf(
      tx,
      access,
      rows.map((row) => row.personId),
    );
    const { limit: _limit, ...criteria } = input;
    await auditEpisodeSearch(
      tx,
      access,
      rows.map((row) => ({ episodeId: row.id, personId: row.personId })),
      criteria,
    );
    return { episodes: rows.map((row) => toMissingEpisode(row, child(row.personId))) };
  });
}

export async function getEpisodeService(
  ctx: Context,
  access: Access,
  id: string,
  reason?: string,
): Promise<MissingEpisodeDetail> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const row = await episodeInScope(tx, access, id);
    const [gradings, interview, meetings, part2] = [
      await riskGradingsOf(tx, id),
      await interviewOf(tx, id),
      await multiAgencyMeetingsOf(tx, id),
      await tx.philomenaEpisode.findUnique({
        where: { episodeId: id },
        select: { clothing: true, lastSeenDescription: true, version: true },
      }),
    ];
    await appendAudit(tx, auditEvent(access, 'read', { type: 'missing_episode', ids: [id, row.personId] }, { reason }));
    return {
      ...(await presentEpisode(tx, access, row)),
      gradings: gradings.map((grading) => ({ ...grading, gradedAt: grading.gradedAt.toISOString() })),
      interview: interview ? toReturnInterview(interview) : null,
      meetings: meetings.map((meeting) => ({ ...meeting, heldAt: meeting.heldAt.toISOString() })),
      philomenaPart2: part2,
    };
  });
}
