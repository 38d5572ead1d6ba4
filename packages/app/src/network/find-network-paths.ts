import { appendAudit } from '@lantern/db';
import type { NetworkPathsInput, NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { collectNetworkPaths } from './collect-network.ts';
import { computeView, peopleShown } from './network-view.ts';

/** The shortest paths between two entities, each step with the records behind it; audited. */
export async function findNetworkPaths(
  app: AppContext,
  access: Access,
  input: NetworkPathsInput,
): Promise<NetworkView> {
  return withAnalysisSlot(access, async () => {
    const collected = await app.db.prisma.$transaction(async (tx) => {
      const view = await collectNetworkPaths(tx, access, input);
      await appendAudit(
        tx,
        auditEvent(
          access,
          'read',
          { type: 'person', ids: peopleShown(view) },
          {
            reason: input.reason,
            details: {
              view: 'path',
              from: input.fromEntityId,
              to: input.toEntityId,
              paths: view.shape.paths?.length ?? 0,
            },
          },
        ),
      );
      return view;
    });
    return computeView(collected);
  });
}
