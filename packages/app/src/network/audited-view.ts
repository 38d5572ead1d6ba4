import { appendAudit, type Transaction } from '@lantern/db';
import type { NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { heavyRead } from '../analytics/heavy-read.ts';
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
 * Every network use case's shape: in one of the caller's analysis slots, read the view (on the
 * read replica when it is usable), append its audit event (every person shown, with the node and
 * edge counts) on the primary, and only then compute the metrics and return: no one sees a view
 * whose audit event is not committed.
 */
export function auditedNetworkView(
  app: AppContext,
  access: Access,
  audit: ViewAudit,
  collect: (tx: Transaction) => Promise<CollectedView>,
): Promise<NetworkView> {
  return withAnalysisSlot(access, async () => {
    const collected = await heavyRead(app, collect);
    await app.db.prisma.$transaction((tx) =>
      appendAudit(
        tx,
        auditEvent(
          access,
          audit.action,
          { type: 'person', ids: peopleShown(collected) },
          {
            reason: audit.reason,
            details: { ...audit.details(collected), nodes: collected.nodes.length, edges: collected.edges.length },
          },
        ),
      ),
    );
    return computeView(collected, app.signal);
  });
}
