import { benjaminiHochberg } from './benjamini-hochberg.ts';
import { classifyEmergingPattern, type EmergingPattern } from './classify-emerging-pattern.ts';
import { getisOrdGiStar } from './getis-ord-gi-star.ts';
import { mannKendall } from './mann-kendall.ts';
import type { NeighbourLists } from './types.ts';

export interface EmergingHotSpotsOptions {
  /** Significance level of a hot or cold spot in one slice (default 0.10, i.e. 90% as ArcGIS). */
  alpha?: number;
  /** Significance level of the Mann–Kendall trend (default 0.10). */
  trendAlpha?: number;
  /** Benjamini–Hochberg within each slice before judging significance (default true). */
  fdr?: boolean;
}

export interface EmergingCell {
  /** The pattern, or null when none applies. `kind` says whether it is of hot or cold spots. */
  pattern: EmergingPattern | null;
  kind: 'hot' | 'cold' | null;
  /** Mann–Kendall on the cell's Gi* z-scores over the slices. */
  trendZ: number;
  trendP: number;
  hotSlices: number;
  coldSlices: number;
}

/**
 * Emerging hot-spot analysis in the manner of ArcGIS Pro's, on a series of time slices (months by
 * default in the callers) of counts over one grid. Each slice gets Gi* with the same neighbour
 * lists (spatial neighbours only; no time-lag neighbours); a cell is a hot (cold) spot in a slice
 * when z > 0 (z < 0) and p ≤ alpha (BH-adjusted within the slice when `fdr`). The Mann–Kendall
 * test on the cell's z-series gives its trend (significant when p ≤ trendAlpha). The pattern
 * rules (new, consecutive, intensifying, persistent, diminishing, oscillating, sporadic,
 * historical) are written out on `classifyEmergingPattern`; a cell matching a hot pattern is
 * reported as hot, otherwise its cold pattern if any.
 *
 * @example
 * emergingHotSpots(monthlyCounts, distanceBandNeighbours(grid, 750))[i] // { pattern: 'intensifying', kind: 'hot', … }
 */
export function emergingHotSpots(
  slices: readonly ArrayLike<number>[],
  neighbours: NeighbourLists,
  options: EmergingHotSpotsOptions = {},
): EmergingCell[] {
  const alpha = options.alpha ?? 0.1;
  const trendAlpha = options.trendAlpha ?? 0.1;
  if (slices.length < 3) throw new RangeError(`emerging hot spots need at least 3 time slices, got ${slices.length}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, got ${alpha}`);
  if (!(trendAlpha > 0 && trendAlpha < 1))
    throw new RangeError(`trendAlpha must be between 0 and 1, got ${trendAlpha}`);
  const n = neighbours.offsets.length - 1;
  const sliceCount = slices.length;
  // z and significance per slice, sign-coded: +1 hot, −1 cold, 0 neither.
  const zBySlice: Float64Array[] = [];
  const stateBySlice: Int8Array[] = [];
  for (const [t, counts] of slices.entries()) {
    if (counts.length !== n) throw new RangeError(`slice ${t} has ${counts.length} cells, the grid ${n}`);
    const { z, p } = getisOrdGiStar(counts, neighbours);
    const evidence = (options.fdr ?? true) ? benjaminiHochberg(p) : p;
    const state = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      if ((evidence[i] as number) <= alpha) state[i] = Math.sign(z[i] as number);
    }
    zBySlice.push(z);
    stateBySlice.push(state);
  }
  const series = new Float64Array(sliceCount);
  const states = new Int8Array(sliceCount);
  const cells: EmergingCell[] = [];
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < sliceCount; t++) {
      series[t] = (zBySlice[t] as Float64Array)[i] as number;
      states[t] = (stateBySlice[t] as Int8Array)[i] as number;
    }
    const trend = mannKendall(series);
    const trendDirection = trend.p <= trendAlpha ? Math.sign(trend.s) : 0;
    let hotSlices = 0;
    let coldSlices = 0;
    for (const state of states) {
      if (state > 0) hotSlices++;
      else if (state < 0) coldSlices++;
    }
    const hot = classifyEmergingPattern(states, 1, trendDirection);
    const cold = hot === null ? classifyEmergingPattern(states, -1, -trendDirection) : null;
    cells.push({
      pattern: hot ?? cold,
      kind: hot ? 'hot' : cold ? 'cold' : null,
      trendZ: trend.z,
      trendP: trend.p,
      hotSlices,
      coldSlices,
    });
  }
  return cells;
}
