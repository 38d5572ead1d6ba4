import { appendAudit } from '@lantern/db';
import type { PeerGroupAssessment } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { presentPeerGroup } from './peer-group-support.ts';

/** One peer-group assessment with its members (each audited) and every version written. */
export async function getPeerGroupAssessment(
  app: AppContext,
  access: Access,
  id: string,
): Promise<PeerGroupAssessment> {
  return app.db.prisma.$transaction(async (tx) => {
    const { assessment, shownIds } = await presentPeerGroup(tx, access, id);
    await appendAudit(tx, auditEvent(access, 'read', { type: 'peer_group_assessment', ids: [id, ...shownIds] }));
    return assessment;
  });
}
