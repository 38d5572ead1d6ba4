import { twoSidedP } from './two-sided-p.ts';
import type { GiStar, NeighbourLists } from './types.ts';

/**
 * Getis-Ord Gi* with binary weights (Getis & Ord 1992; Ord & Getis 1995), as spdep's `localG` with
 * `include.self` and a binary (`style = "B"`) distance band:
 *
 *   z_i = (Σ_j w_ij x_j − x̄ W_i) / (s · √((n S1_i − W_i²) / (n − 1)))
 *
 * with W_i = Σ_j w_ij (the neighbour count, self included), S1_i = Σ_j w_ij² (= W_i for binary
 * weights), x̄ the mean and s² = Σ x²/n − x̄² the population variance over all n cells; p is
 * two-sided from the normal distribution. When every cell has the same count (s = 0) or a cell
 * neighbours every cell, there is no evidence either way: z = 0 and p = 1 rather than NaN.
 * O(Σ neighbours) over typed arrays.
 *
 * @example
 * const { z, p } = getisOrdGiStar(counts, distanceBandNeighbours(grid, 750));
 */
export function getisOrdGiStar(counts: ArrayLike<number>, neighbours: NeighbourLists): GiStar {
  const n = counts.length;
  if (neighbours.offsets.length !== n + 1) {
    throw new RangeError(`counts has ${n} cells but the neighbour lists cover ${neighbours.offsets.length - 1}`);
  }
  if (n < 2) throw new RangeError(`Gi* needs at least 2 cells, got ${n}`);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const value = counts[i] as number;
    if (!Number.isFinite(value)) throw new RangeError(`counts[${i}] is not a finite number: ${value}`);
    sum += value;
    sumSquares += value * value;
  }
  const mean = sum / n;
  // Centred sum of squares, as spdep (sum(scale(x, scale = FALSE)^2) / n), for the same rounding.
  let centred = 0;
  for (let i = 0; i < n; i++) centred += ((counts[i] as number) - mean) ** 2;
  const s = Math.sqrt(centred / n);
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  if (!(s > 0) || sumSquares === 0) return { z, p };
  const { offsets, indices } = neighbours;
  for (let i = 0; i < n; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    let local = 0;
    for (let k = start; k < end; k++) local += counts[indices[k] as number] as number;
    const weight = end - start;
    const variance = (n * weight - weight * weight) / (n - 1);
    if (!(variance > 0)) continue;
    const score = (local - mean * weight) / (s * Math.sqrt(variance));
    z[i] = score;
    p[i] = twoSidedP(score);
  }
  return { z, p };
}
