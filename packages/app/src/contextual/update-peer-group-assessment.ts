import {
  appendAudit,
  getPeerGroupAssessment,
  insertAssessmentReview,
  updatePeerGroupAssessment as updatePeerGroupAssessmentRow,
} from '@lantern/db';
import { londonDate, type PeerGroupAssessment, type UpdatePeerGroupAssessmentInput } from '@lantern/domain';
import { type Access, requirePrincipal } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import { staleVersion } from '../concurrency/stale-version.ts';
import type { AppContext } from '../context.ts';
import { membersInScope, peerGroupNotFound, sharedPlacesInScope } from './assessment-support.ts';
import { peerGroupSnapshot, presentPeerGroup } from './peer-group-support.ts';

/** Changes (and, with `reviewed`, reviews) a peer-group assessment read at `version`; stale is a CONFLICT. */
export async function updatePeerGroupAssessment(
  app: AppContext,
  access: Access,
  input: UpdatePeerGroupAssessmentInput,
): Promise<PeerGroupAssessment> {
  const principal = requirePrincipal(access);
  return app.db.prisma.$transaction(async (tx) => {
    const { id, version, reviewed, ...values } = input;
    const before = await getPeerGroupAssessment(tx, id, access.scope);
    if (!before) throw peerGroupNotFound(id);
    await membersInScope(tx, access, values.memberIds);
    await sharedPlacesInScope(tx, access, values.sharedPlaceIds);
    const outcome = await updatePeerGroupAssessmentRow(
      tx,
      id,
      version,
      values,
      reviewed ? londonDate() : null,
      access.scope,
    );
    if (outcome.status === 'not-found') throw peerGroupNotFound(id);
    if (outcome.status === 'conflict')
      throw staleVersion(`peer-group assessment ${id}`, version, outcome.currentVersion);
    const row = await getPeerGroupAssessment(tx, id, access.scope);
    if (!row) throw peerGroupNotFound(id);
    await insertAssessmentReview(tx, {
      type: 'peer_group',
      assessmentId: id,
      version: row.version,
      snapshot: peerGroupSnapshot(row),
      reviewed,
      recordedById: principal.id,
    });
    const { assessment, shownIds } = await presentPeerGroup(tx, access, id);
    // Members removed by this change are named too: their membership changed.
    const removed = before.memberIds.filter((member) => !row.memberIds.includes(member));
    await appendAudit(
      tx,
      auditEvent(
        access,
        'update',
        { type: 'peer_group_assessment', ids: [id, ...shownIds, ...removed] },
        { details: { reviewed } },
      ),
    );
    return assessment;
  });
}
