import { appendAudit, type Transaction } from '@lantern/db';
import type { NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { type CollectedView, computeView, peopleShown } from './network-view.ts';

export interface ViewAudit {
  action: 'read' | 'export';
  reason: string | undefined;
  /** What the event records besides the people, from the view read (node and edge counts are added). */
  details(view: CollectedView): Record<string, unknown>;
}

/**
 * Every network use case's shape: in one of the caller's analysis slots, read the view and append
 * its audit event (every person shown, with the node and edge counts) in one transaction, then
 * compute the metrics outside it.
 */
export function auditedNetworkView(
  app: AppContext,
  access: Access,
  audit: ViewAudit,
  collect: (tx: Transaction) => Promise<CollectedView>,
): Promise<NetworkView> {
  return withAnalysisSlot(access, async () => {
    const collected = await app.db.prisma.$transaction(async (tx) => {
      const view = await collect(tx);
      await appendAudit(
        tx,
        auditEvent(
          access,
          audit.action,
          { type: 'person', ids: peopleShown(view) },
          {
            reason: audit.reason,
            details: { ...audit.details(view), nodes: view.nodes.length, edges: view.edges.length },
          },
        ),
      );
      return view;
    });
    return computeView(collected, app.signal);
  });
}
