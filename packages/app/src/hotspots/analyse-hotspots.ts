import { type HotspotEventQuery, hotspotEventPoints } from '@lantern/db';
import { countPointsInCells, type HotspotResult, hotspotCells, type SquareGrid } from '@lantern/geo';
import type { AppContext } from '../context.ts';
import { pointsOf, studyAreaGrid } from './hotspot-support.ts';

/** One Gi* analysis: which events, over which districts, on what grid. */
export interface HotspotAnalysisQuery extends Omit<HotspotEventQuery, 'within'> {
  cellSize: number;
  band: number;
  fdr: boolean;
}

/**
 * Gi* over every cell of the selected districts, with exact counts (the hot-spot JSON of
 * docs/ARCHITECTURE.md). The operator's analysis: `lantern hotspots` runs it as it is, and
 * `computeHotspots` runs it for a caller after limiting the districts to their scope.
 */
export async function analyseHotspots(
  app: AppContext,
  query: HotspotAnalysisQuery,
): Promise<{ grid: SquareGrid; result: HotspotResult; events: number }> {
  const { prisma } = app.db;
  const grid = await studyAreaGrid(prisma, query.districtCodes, query.cellSize);
  const { x, y, weights } = pointsOf(await hotspotEventPoints(prisma, query));
  const { counts } = countPointsInCells(grid, x, y, weights);
  const result = hotspotCells(grid, counts, { band: query.band, fdr: query.fdr });
  let events = 0;
  for (const count of counts) events += count;
  return { grid, result, events };
}
