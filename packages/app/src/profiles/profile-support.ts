import { getProfileVersion, listProfileVersions, type PrismaTx, type ProfileVersionRow } from '@lantern/db';
import {
  AppError,
  type GetProfileOutput,
  type ProfileEdition,
  type ProfileFigure,
  type ProfileFigures,
  type ProfileStatus,
  type ProfileTerms,
  type ProfileVersionRef,
  type ProfileVersionState,
  partnerEditionFigures,
} from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { buildProfile } from './build-profile.ts';

/** The audit record type of a problem profile; the record id is the profile's. */
export const profileRecordType = 'problem_profile';

/** Police analysts write and read profiles in full; every other role reads the partner edition. */
export function isAnalyst(access: Access): boolean {
  return access.principal?.roles.includes('police_analyst') ?? false;
}

/**
 * Whether a partner may read a profile: its districts all lie within the caller's district scope.
 * A profile of every district (none named) is for analysts and county-wide partners only.
 */
export function profileInScope(access: Access, districtCodes: readonly string[]): boolean {
  if (access.scope === 'all') return true;
  const scope = access.scope;
  return districtCodes.length > 0 && districtCodes.every((code) => scope.includes(code));
}

/** The edition a caller gets: partners always the partner edition; analysts what they ask (full by default). */
export function editionFor(access: Access, asked: ProfileEdition | undefined): ProfileEdition {
  return isAnalyst(access) ? (asked ?? 'full') : 'partner';
}

/** Computes the figures for a profile's terms now, over the districts the caller may see (P1's use case). */
export async function computeFigures(app: AppContext, access: Access, terms: ProfileTerms): Promise<ProfileFigures> {
  return buildProfile(app, access, { terms });
}

/**
 * The version a caller may read, or NOT_FOUND. Partners see only approved versions of profiles
 * within their districts; a draft or another district's profile is as if it did not exist.
 */
export async function readableVersion(
  tx: PrismaTx,
  access: Access,
  id: string,
  version: number | undefined,
  forUpdate = false,
): Promise<ProfileVersionRow> {
  const analyst = isAnalyst(access);
  const row = await getProfileVersion(tx, id, { version, approvedOnly: !analyst, forUpdate });
  if (!analyst && (!row || !profileInScope(access, row.districtCodes))) {
    throw new AppError('NOT_FOUND', `id: no problem profile ${id} in your districts`);
  }
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      version === undefined
        ? `id: no problem profile ${id}`
        : `version: problem profile ${id} has no version ${version}`,
    );
  }
  return row;
}

/**
 * The version a change is written against, locked for the transaction: NOT_FOUND when missing, a
 * CONFLICT when it has moved on since the caller read it, and refused unless it has `status`.
 */
export async function versionToChange(
  tx: PrismaTx,
  access: Access,
  ref: ProfileVersionRef,
  allowed: readonly ProfileStatus[],
  doing: string,
): Promise<ProfileVersionRow> {
  const row = await readableVersion(tx, access, ref.id, ref.version, true);
  if (row.revision !== ref.revision) throw staleVersion('this profile version', ref.revision, row.revision);
  if (!allowed.includes(row.status)) {
    const approved = row.status === 'approved' ? ': an approved version cannot be changed; start a new version' : '';
    throw new AppError(
      'CONFLICT',
      `status: cannot ${doing} version ${row.version} of “${row.title}”, which is ${statusWords[row.status]}${approved}`,
    );
  }
  return row;
}

export const statusWords: Record<ProfileStatus, string> = {
  draft: 'a draft',
  for_review: 'waiting for review',
  approved: 'approved',
};

/** Raises the CONFLICT of a version whose revision moved between the read and the write. */
export function changedUnderneath(ref: ProfileVersionRef): AppError {
  return staleVersion('this profile version', ref.revision, undefined);
}

export function versionState(
  id: string,
  version: number,
  revision: number,
  status: ProfileStatus,
): ProfileVersionState {
  return { id, version, revision, status };
}

/** Every figure of a set of figures by key. */
export function figuresByKey(figures: ProfileFigures | null): Map<string, ProfileFigure> {
  const byKey = new Map<string, ProfileFigure>();
  for (const section of figures?.sections ?? []) for (const figure of section.figures) byKey.set(figure.key, figure);
  return byKey;
}

/** Per figure key, before and after, for the figures whose value differs (or is new or gone). */
export function figureChanges(
  previous: ProfileFigures | null,
  current: ProfileFigures,
): Record<string, { before: number | null; after: number | null }> {
  if (previous === null) return {};
  const before = figuresByKey(previous);
  const after = figuresByKey(current);
  const changes: Record<string, { before: number | null; after: number | null }> = {};
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key)?.value ?? null;
    const now = after.get(key)?.value ?? null;
    if (was !== now) changes[key] = { before: was, after: now };
  }
  return changes;
}

/**
 * A version as the caller reads it: the document in its edition (the partner edition suppresses
 * counts of people 1–4 and drops what names people), the figures "what changed" compares against
 * (those before the last refresh or of the previous version, in the same edition), and its meta.
 */
export async function profileView(
  tx: PrismaTx,
  access: Access,
  row: ProfileVersionRow,
  edition: ProfileEdition,
): Promise<GetProfileOutput> {
  const analyst = isAnalyst(access);
  const versions = await listProfileVersions(tx, row.profileId, !analyst);
  let previous = row.previousFigures;
  if (previous === null && row.version > 1) {
    const earlier = await getProfileVersion(tx, row.profileId, { version: row.version - 1, approvedOnly: !analyst });
    previous = earlier?.figures ?? null;
  }
  const inEdition = (figures: ProfileFigures) => (edition === 'partner' ? partnerEditionFigures(figures) : figures);
  const figures = inEdition(row.figures);
  const previousFigures = previous === null ? null : inEdition(previous);
  return {
    id: row.profileId,
    version: row.version,
    revision: row.revision,
    status: row.status,
    latestVersion: versions.at(-1)?.version ?? row.version,
    versions,
    authorId: row.authorId,
    authorName: row.authorName,
    submittedByName: row.submittedByName,
    submittedAt: row.submittedAt,
    reviewerName: row.approvedByName,
    approvedAt: row.approvedAt,
    returnedReason: analyst ? row.returnedReason : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    previousFigures,
    changesSinceLastVersion: figureChanges(previousFigures, figures),
    document: {
      terms: row.terms,
      figures,
      writing: row.writing,
      status: row.status,
      version: row.version,
      edition,
    },
  };
}

/** The audit event of a change to a profile version. */
export function profileChangeEvent(
  access: Access,
  id: string,
  version: number,
  action: 'create' | 'update',
  details: Record<string, unknown> = {},
  reason: string | null = null,
) {
  requirePrincipal(access);
  return auditEvent(
    access,
    action,
    { type: profileRecordType, ids: [id] },
    { reason, details: { version, ...details } },
  );
}
