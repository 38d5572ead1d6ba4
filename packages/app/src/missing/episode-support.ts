import {
  appendAudit,
  bumpMissingEpisode,
  getMissingEpisode,
  getPerson,
  type MissingEpisodeChange,
  type MissingEpisodeRow,
  type PersonRow,
  type Transaction,
} from '@lantern/db';
import { AppError, londonDate, type MissingEpisode, type Person, toPersonDto } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import { iso } from './present-interview.ts';

export const episodeNotFound = (id: string) => new AppError('NOT_FOUND', `No missing episode ${id} in your districts`);

export function presentPerson(access: Access, row: PersonRow): Person {
  const view = access.view(row.kind);
  if (view === 'hidden') throw new AppError('NOT_FOUND', `No person ${row.id} in your districts`);
  return toPersonDto(row, view, londonDate());
}

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
export async function childrenOf(tx: Transaction, access: Access, personIds: readonly string[]) {
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

export async function presentEpisode(tx: Transaction, access: Access, row: MissingEpisodeRow): Promise<MissingEpisode> {
  const child = await childrenOf(tx, access, [row.personId]);
  return toMissingEpisode(row, child(row.personId));
}

/** The episode as it is now, or NOT_FOUND when it is not in the caller's districts. */
export async function episodeInScope(tx: Transaction, access: Access, id: string): Promise<MissingEpisodeRow> {
  const row = await getMissingEpisode(tx, id, access.scope);
  if (!row) throw episodeNotFound(id);
  return row;
}

/** Applies one change under the episode's version; CONFLICT when someone else changed it first. */
export async function changeEpisode(tx: Transaction, id: string, version: number, change: MissingEpisodeChange) {
  if (!(await bumpMissingEpisode(tx, id, version, change))) {
    const now = await getMissingEpisode(tx, id, 'all');
    throw staleVersion(`missing episode ${id}`, version, now?.version);
  }
}

/** BAD_INPUT naming the field when `value` is earlier than `earliest`. */
export function assertNotBefore(field: string, value: string, earliest: Date, what: string) {
  if (Date.parse(value) < earliest.getTime()) {
    throw new AppError('BAD_INPUT', `${field}: ${value} is before ${what} (${earliest.toISOString()})`);
  }
}

export function auditEpisodeUpdate(
  tx: Transaction,
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
  tx: Transaction,
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
