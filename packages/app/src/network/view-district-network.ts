import type { DistrictNetworkInput, NetworkView } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditedNetworkView } from './audited-view.ts';
import { collectDistrictNetwork } from './collect-network.ts';

/** A district's network with every metric, as the caller may see it; the read is audited with who was shown. */
export function viewDistrictNetwork(
  app: AppContext,
  access: Access,
  input: DistrictNetworkInput,
): Promise<NetworkView> {
  return auditedNetworkView(
    app,
    access,
    { action: 'read', reason: input.reason, details: () => ({ view: 'district', districtCode: input.districtCode }) },
    (tx) => collectDistrictNetwork(tx, access, input),
  );
}
