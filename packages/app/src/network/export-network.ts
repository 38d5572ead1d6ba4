import { appendAudit } from '@lantern/db';
import {
  londonDate,
  type NetworkExport,
  type NetworkExportFormat,
  type NetworkExportInput,
  type NetworkView,
} from '@lantern/domain';
import { networkAnx, networkEdgesCsv, networkGexf, networkGraphml, networkNodesCsv } from '@lantern/network';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AppContext } from '../context.ts';
import { collectDistrictNetwork, collectEgoNetwork } from './collect-network.ts';
import { computeView, peopleShown } from './network-view.ts';

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
  return withAnalysisSlot(access, async () => {
    const { view, format, ...filters } = input;
    const collected = await app.db.prisma.$transaction(async (tx) => {
      const found =
        view.kind === 'district'
          ? await collectDistrictNetwork(tx, access, { ...filters, districtCode: view.districtCode })
          : await collectEgoNetwork(tx, access, { ...filters, entityId: view.entityId, hops: view.hops });
      await appendAudit(
        tx,
        auditEvent(
          access,
          'export',
          { type: 'person', ids: peopleShown(found) },
          { reason: input.reason, details: { view, format, nodes: found.nodes.length, edges: found.edges.length } },
        ),
      );
      return found;
    });
    return formatNetwork(await computeView(collected), format);
  });
}
