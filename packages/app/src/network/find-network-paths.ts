import type { NetworkPathsInput, NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditedNetworkView } from './audited-view.ts';
import { collectNetworkPaths } from './collect-network.ts';

/** The shortest paths between two entities, each step with the records behind it; audited. */
export function findNetworkPaths(app: AppContext, access: Access, input: NetworkPathsInput): Promise<NetworkView> {
  return auditedNetworkView(
    app,
    access,
    {
      action: 'read',
      reason: input.reason,
      details: (view) => ({
        view: 'path',
        from: input.fromEntityId,
        to: input.toEntityId,
        paths: view.shape.paths?.length ?? 0,
      }),
    },
    (tx) => collectNetworkPaths(tx, access, input),
  );
}
