import { appendAudit, getPeerGroupAssessment, insertAssessmentReview, insertPeerGroupAssessment } from '@lantern/db';
import type { CreatePeerGroupAssessmentInput, PeerGroupAssessment } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { assertDistrictInScope, membersInScope, peerGroupNotFound, sharedPlacesInScope } from './assessment-support.ts';
import { peerGroupSnapshot, presentPeerGroup } from './peer-group-support.ts';

/** Assesses a peer group of people in the caller's districts; members are person-level and audited. */
export async function createPeerGroupAssessment(
  app: AppContext,
  access: Access,
  input: CreatePeerGroupAssessmentInput,
): Promise<PeerGroupAssessment> {
  const principal = requirePrincipal(access);
  assertDistrictInScope(access, input.districtCode);
  return app.db.prisma.$transaction(async (tx) => {
    await membersInScope(tx, access, input.memberIds);
    await sharedPlacesInScope(tx, access, input.sharedPlaceIds);
    const id = await insertPeerGroupAssessment(tx, { ...input, createdById: principal.id });
    const row = await getPeerGroupAssessment(tx, id, 'all');
    if (!row) throw peerGroupNotFound(id);
    await insertAssessmentReview(tx, {
      type: 'peer_group',
      assessmentId: id,
      version: row.version,
      snapshot: peerGroupSnapshot(row),
      reviewed: false,
      recordedById: principal.id,
    });
    const { assessment, shownIds } = await presentPeerGroup(tx, access, id);
    await appendAudit(tx, auditEvent(access, 'create', { type: 'peer_group_assessment', ids: [id, ...shownIds] }));
    return assessment;
  });
}
