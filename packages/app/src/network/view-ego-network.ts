import { appendAudit } from '@lantern/db';
import type { EgoNetworkInput, NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { collectEgoNetwork } from './collect-network.ts';
import { computeView, peopleShown } from './network-view.ts';

/** One entity's network to 1–3 hops with every metric; the read is audited with who was shown. */
export async function viewEgoNetwork(app: AppContext, access: Access, input: EgoNetworkInput): Promise<NetworkView> {
  return withAnalysisSlot(access, async () => {
    const collected = await app.db.prisma.$transaction(async (tx) => {
      const view = await collectEgoNetwork(tx, access, input);
      await appendAudit(
        tx,
        auditEvent(
          access,
          'read',
          { type: 'person', ids: peopleShown(view) },
          {
            reason: input.reason,
            details: {
              view: 'ego',
              entityId: input.entityId,
              hops: input.hops,
              nodes: view.nodes.length,
              edges: view.edges.length,
            },
          },
        ),
      );
      return view;
    });
    return computeView(collected);
  });
}
