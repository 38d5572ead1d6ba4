import { appendAudit } from '@lantern/db';
import type { DistrictNetworkInput, NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { collectDistrictNetwork } from './collect-network.ts';
import { computeView, peopleShown } from './network-view.ts';

/** A district's network with every metric, as the caller may see it; the read is audited with who was shown. */
export async function viewDistrictNetwork(
  app: AppContext,
  access: Access,
  input: DistrictNetworkInput,
): Promise<NetworkView> {
  return withAnalysisSlot(access, async () => {
    const collected = await app.db.prisma.$transaction(async (tx) => {
      const view = await collectDistrictNetwork(tx, access, input);
      await appendAudit(
        tx,
        auditEvent(
          access,
          'read',
          { type: 'person', ids: peopleShown(view) },
          {
            reason: input.reason,
            details: {
              view: 'district',
              districtCode: input.districtCode,
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
