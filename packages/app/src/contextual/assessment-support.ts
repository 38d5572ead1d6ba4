import {
  type AssessmentReviewRow,
  type AssessmentSummaryRow,
  getPeople,
  getPlace,
  type LocationAssessmentRow,
  type PersonRow,
  type Transaction,
} from '@lantern/db';
import {
  AppError,
  type AssessmentSummary,
  inScope,
  type LocationAssessment,
  londonDate,
  type Person,
  toPersonDto,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';

export const locationNotFound = (id: string) =>
  new AppError('NOT_FOUND', `id: no location assessment ${id} in your districts`);
export const peerGroupNotFound = (id: string) =>
  new AppError('NOT_FOUND', `id: no peer-group assessment ${id} in your districts`);

/** A place of concern in the caller's districts, with the district its assessment belongs to. */
export async function placeInScope(tx: Transaction, access: Access, placeId: string, field = 'placeId') {
  const place = await getPlace(tx, placeId, access.scope);
  if (!place) throw new AppError('NOT_FOUND', `${field}: no place ${placeId} in your districts`);
  if (place.districtCode === null) {
    throw new AppError('BAD_INPUT', `${field}: place ${placeId} is in no district Lantern covers`);
  }
  return place;
}

export function assertDistrictInScope(access: Access, districtCode: string) {
  if (!inScope(access.scope, districtCode)) {
    throw new AppError('FORBIDDEN', `districtCode: ${districtCode} is outside your districts`);
  }
}

/** Every member, in the caller's districts and seen in full by the caller; else names the first that is not. */
export async function membersInScope(tx: Transaction, access: Access, memberIds: readonly string[]) {
  const rows = await getPeople(tx, memberIds, access.scope);
  const byId = new Map(rows.map((row) => [row.id, row]));
  memberIds.forEach((id, index) => {
    const row = byId.get(id);
    if (!row || access.view(row.kind) === 'hidden') {
      throw new AppError('NOT_FOUND', `memberIds[${index}]: no person ${id} in your districts`);
    }
  });
  return memberIds.map((id) => byId.get(id) as PersonRow);
}

export async function sharedPlacesInScope(tx: Transaction, access: Access, placeIds: readonly string[]) {
  for (const [index, placeId] of placeIds.entries())
    await placeInScope(tx, access, placeId, `sharedPlaceIds[${index}]`);
}

export function presentPeople(access: Access, rows: readonly PersonRow[]): Person[] {
  const today = londonDate();
  return rows.flatMap((row) => {
    const view = access.view(row.kind);
    return view === 'hidden' ? [] : [toPersonDto(row, view, today)];
  });
}

export function toHistory(rows: readonly AssessmentReviewRow[]) {
  return rows.map((row) => ({ ...row }));
}

export function toLocationAssessment(
  row: LocationAssessmentRow,
  history: readonly AssessmentReviewRow[],
): LocationAssessment {
  return {
    id: row.id,
    place: { id: row.placeId, name: row.placeName, districtCode: row.placeDistrictCode },
    districtCode: row.districtCode,
    timesOfConcern: row.timesOfConcern,
    guardianship: row.guardianship,
    unsafeFactors: row.unsafeFactors,
    plan: row.plan,
    owner: row.owner,
    reviewOn: row.reviewOn,
    lastReviewedOn: row.lastReviewedOn,
    version: row.version,
    history: toHistory(history),
  };
}

/** A snapshot of a location assessment as written (the history keeps one per version). */
export function locationSnapshot(row: LocationAssessmentRow): Record<string, unknown> {
  const { placeName: _name, placeDistrictCode: _district, ...snapshot } = row;
  return snapshot;
}

export function toAssessmentSummary(row: AssessmentSummaryRow): AssessmentSummary {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    districtCode: row.districtCode,
    place:
      row.placeId === null ? null : { id: row.placeId, name: row.placeName ?? '', districtCode: row.placeDistrictCode },
    memberCount: row.memberCount,
    owner: row.owner,
    reviewOn: row.reviewOn,
    lastReviewedOn: row.lastReviewedOn,
    due: row.due,
    version: row.version,
  };
}
