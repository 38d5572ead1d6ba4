import { cellAt } from './cell-at.ts';
import type { SquareGrid } from './types.ts';

export interface CellCounts {
  counts: Float64Array;
  /** Points that fell outside every cell of the study area (not counted). */
  outside: number;
}

/**
 * Counts points (British National Grid metres, as parallel x and y arrays) into the cells of a
 * grid. With `weights`, point i stands for weights[i] events (points grouped where they coincide,
 * as police.uk's snapped locations do). Points outside the study area's cells, or with a
 * non-finite coordinate, are reported in `outside` (as events) rather than counted. O(points), no
 * search: the grid is regular.
 *
 * @example
 * countPointsInCells(grid, Float64Array.of(125, 130), Float64Array.of(125, 140)).counts[0] // 2
 * countPointsInCells(grid, [125], [125], [7]).counts[0] // 7
 */
export function countPointsInCells(
  grid: SquareGrid,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  weights?: ArrayLike<number>,
): CellCounts {
  if (xs.length !== ys.length) throw new RangeError(`xs and ys differ in length: ${xs.length} and ${ys.length}`);
  if (weights && weights.length !== xs.length) {
    throw new RangeError(`weights has ${weights.length} values for ${xs.length} points`);
  }
  const counts = new Float64Array(grid.length);
  let outside = 0;
  for (let i = 0; i < xs.length; i++) {
    const weight = weights ? (weights[i] as number) : 1;
    if (!(weight >= 0)) throw new RangeError(`weights[${i}] is not a non-negative number: ${weight}`);
    const cell = cellAt(grid, xs[i] as number, ys[i] as number);
    if (cell < 0) outside += weight;
    else counts[cell] = (counts[cell] as number) + weight;
  }
  return { counts, outside };
}
