import {
  londonDate,
  type NetworkExport,
  type NetworkExportFormat,
  type NetworkExportInput,
  type NetworkView,
} from '@lantern/domain';
import { networkAnx, networkEdgesCsv, networkGexf, networkGraphml, networkNodesCsv } from '@lantern/network';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { auditedNetworkView } from './audited-view.ts';
import { collectDistrictNetwork, collectEgoNetwork } from './collect-network.ts';

const writers: Record<NetworkExportFormat, { extension: string; mediaType: string; write(view: NetworkView): string }> =
  {
    json: { extension: 'json', mediaType: 'application/json', write: (view) => `${JSON.stringify(view, null, 2)}\n` },
    graphml: { extension: 'graphml', mediaType: 'application/graphml+xml', write: networkGraphml },
    gexf: { extension: 'gexf', mediaType: 'application/gexf+xml', write: networkGexf },
    'csv-nodes': { extension: 'nodes.csv', mediaType: 'text/csv', write: networkNodesCsv },
    'csv-edges': { extension: 'edges.csv', mediaType: 'text/csv', write: networkEdgesCsv },
    anx: { extension: 'anx', mediaType: 'application/xml', write: networkAnx },
  };

/** Writes a computed view in one of the export formats, with a file name that says what it is. */
export function formatNetwork(view: NetworkView, format: NetworkExportFormat): NetworkExport {
  const writer = writers[format];
  const subject = view.view.kind === 'district' ? view.view.districtCode : `ego-${view.view.entityIds[0]?.slice(0, 8)}`;
  return {
    filename: `lantern-network-${subject}-${londonDate()}.${writer.extension}`,
    mediaType: writer.mediaType,
    content: writer.write(view),
  };
}

/**
 * A district or ego network exported for another tool (i2 ANX and CSV, GraphML, GEXF, JSON), as
 * the caller may see it; audited as an export, with the people it contains.
 */
export async function exportNetwork(
  app: AppContext,
  access: Access,
  input: NetworkExportInput,
): Promise<NetworkExport> {
  const { view, format, ...filters } = input;
  const computed = await auditedNetworkView(
    app,
    access,
    { action: 'export', reason: input.reason, details: () => ({ view, format }) },
    (tx) =>
      view.kind === 'district'
        ? collectDistrictNetwork(tx, access, { ...filters, districtCode: view.districtCode })
        : collectEgoNetwork(tx, access, { ...filters, entityId: view.entityId, hops: view.hops }),
  );
  return formatNetwork(computed, format);
}
