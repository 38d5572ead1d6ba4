import { type HotspotEventQuery, hotspotEventPoints } from '@lantern/db';
import { runHotspotWork } from '../analytics/analytics-pool.ts';
import { heavyRead } from '../analytics/heavy-read.ts';
import type { GiStarOutcome } from '../analytics/hotspot-work.ts';
import { assertWithinBudget } from '../analytics/work-budget.ts';
import type { AppContext } from '../context.ts';
import { pointsOf, studyArea } from './hotspot-support.ts';

/** One Gi* analysis: which events, over which districts, on what grid. */
export interface HotspotAnalysisQuery extends Omit<HotspotEventQuery, 'within'> {
  cellSize: number;
  band: number;
  fdr: boolean;
  /** Conditional-permutation pseudo p-values as well (PySAL's p_sim), seeded. */
  permutations?: number | undefined;
  seed?: number | undefined;
}

/**
 * Gi* over every cell of the selected districts, with exact counts (the hot-spot JSON of
 * docs/ARCHITECTURE.md). The operator's analysis: `lantern hotspots` runs it as it is, and
 * `computeHotspots` runs it for a caller after limiting the districts to their scope. The grid and
 * the statistics run in the analytics pool, after the work budget has been checked.
 */
export async function analyseHotspots(app: AppContext, query: HotspotAnalysisQuery): Promise<GiStarOutcome> {
  const { area, points } = await heavyRead(app, async (tx) => {
    const area = await studyArea(tx, query.districtCodes);
    assertWithinBudget(area, { cellSize: query.cellSize, band: query.band, permutations: query.permutations });
    return { area, points: pointsOf(await hotspotEventPoints(tx, query)) };
  });
  return runHotspotWork<GiStarOutcome>(
    {
      kind: 'gi-star',
      area,
      cellSize: query.cellSize,
      band: query.band,
      fdr: query.fdr,
      permutations: query.permutations,
      seed: query.seed,
      ...points,
    },
    app.signal,
  );
}
