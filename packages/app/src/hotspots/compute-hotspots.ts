import type { GetisOrdInput, GetisOrdOutput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import type { AppContext } from '../context.ts';
import { analyseHotspots } from './analyse-hotspots.ts';
import { countView, eventQuery } from './hotspot-support.ts';

/**
 * Gi* hot spots of one event source over the caller's districts (every cell), small counts
 * suppressed as the role requires.
 */
export async function computeHotspots(app: AppContext, access: Access, input: GetisOrdInput): Promise<GetisOrdOutput> {
  const query = {
    ...eventQuery(access, input),
    cellSize: input.cellSize,
    band: input.band,
    fdr: input.fdr,
    permutations: input.permutations,
    seed: input.seed,
  };
  const { result, events, pseudoP } = await withAnalysisSlot(access, () => analyseHotspots(app, query));
  const view = countView(access, input.source);
  return {
    cell: result.cell,
    band: result.band,
    fdr: result.fdr,
    events: view(events),
    cells: result.cells.map((cell, i) => ({
      ...cell,
      count: view(cell.count),
      ...(pseudoP ? { pseudoP: pseudoP[i] as number } : {}),
    })),
  };
}
