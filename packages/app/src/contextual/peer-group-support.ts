import {
  assessmentReviews,
  getPeerGroupAssessment,
  getPeople,
  type PeerGroupAssessmentRow,
  type Transaction,
} from '@lantern/db';
import type { PeerGroupAssessment } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { peerGroupNotFound, presentPeople, toHistory } from './assessment-support.ts';

/** A snapshot of a peer-group assessment as written (the history keeps one per version). */
export function peerGroupSnapshot(row: PeerGroupAssessmentRow): Record<string, unknown> {
  return { ...row, sharedPlaces: row.sharedPlaces.map((place) => place.id) };
}

/**
 * A peer-group assessment as the caller may see it: members outside the caller's districts are
 * counted, not shown. Returns the ids of the members shown, for the audit event.
 */
export async function presentPeerGroup(
  tx: Transaction,
  access: Access,
  id: string,
): Promise<{ assessment: PeerGroupAssessment; shownIds: string[] }> {
  const row = await getPeerGroupAssessment(tx, id, access.scope);
  if (!row) throw peerGroupNotFound(id);
  const members = presentPeople(access, await getPeople(tx, row.memberIds, access.scope));
  const history = await assessmentReviews(tx, 'peer_group', id);
  return {
    assessment: {
      id: row.id,
      name: row.name,
      districtCode: row.districtCode,
      members,
      membersNotShown: row.memberIds.length - members.length,
      sharedPlaces: row.sharedPlaces,
      dynamics: row.dynamics,
      safetyPlan: row.safetyPlan,
      owner: row.owner,
      reviewOn: row.reviewOn,
      lastReviewedOn: row.lastReviewedOn,
      version: row.version,
      history: toHistory(history),
    },
    shownIds: members.map((member) => member.id),
  };
}
