import type { EgoNetworkInput, NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditedNetworkView } from './audited-view.ts';
import { collectEgoNetwork } from './collect-network.ts';

/** One entity's network to 1–3 hops with every metric; the read is audited with who was shown. */
export function viewEgoNetwork(app: AppContext, access: Access, input: EgoNetworkInput): Promise<NetworkView> {
  return auditedNetworkView(
    app,
    access,
    {
      action: 'read',
      reason: input.reason,
      details: () => ({ view: 'ego', entityId: input.entityId, hops: input.hops }),
    },
    (tx) => collectEgoNetwork(tx, access, input),
  );
}
