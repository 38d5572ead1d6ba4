import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { NeighbourLists } from './types.ts';

export interface PermutationOptions {
  /** Number of conditional permutations per cell (default 999). */
  permutations?: number;
  /** Seed of the xoroshiro128+ stream: the same seed gives the same pseudo p-values. */
  seed: number;
}

/**
 * Conditional-permutation inference for Gi* (Anselin 1995, as PySAL's `G_Local(star=True)`):
 * for each cell the value x_i is held fixed and its W_i − 1 neighbours' values are replaced by a
 * random draw without replacement from the other n − 1 cells, `permutations` times. The pseudo
 * p-value is (M + 1) / (R + 1), where M counts the draws whose local sum is at least the observed
 * (or at most, whichever is smaller: folded, one-tailed as PySAL's `p_sim`). Compare p ≤ α/2 with
 * the analytic two-sided p ≤ α. The local sum suffices because Gi*'s centring and scale are the
 * same in every draw.
 *
 * @example
 * permutationGiStar(counts, distanceBandNeighbours(grid, 750), { permutations: 999, seed: 1 }) // Float64Array of pseudo p
 */
export function permutationGiStar(
  counts: ArrayLike<number>,
  neighbours: NeighbourLists,
  options: PermutationOptions,
): Float64Array {
  const permutations = options.permutations ?? 999;
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`permutations must be a positive integer, got ${permutations}`);
  }
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const n = counts.length;
  if (neighbours.offsets.length !== n + 1) {
    throw new RangeError(`counts has ${n} cells but the neighbour lists cover ${neighbours.offsets.length - 1}`);
  }
  const generator = xoroshiro128plus(options.seed);
  const uniform = () => (generator.next() >>> 0) / 0x1_0000_0000;
  const pool = new Int32Array(n);
  const positionOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pool[i] = i;
    positionOf[i] = i;
  }
  const swap = (a: number, b: number) => {
    const first = pool[a] as number;
    const second = pool[b] as number;
    pool[a] = second;
    pool[b] = first;
    positionOf[second] = a;
    positionOf[first] = b;
  };
  const pseudoP = new Float64Array(n);
  const { offsets, indices } = neighbours;
  for (let i = 0; i < n; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    let observed = 0;
    for (let k = start; k < end; k++) observed += counts[indices[k] as number] as number;
    const others = end - start - 1;
    const own = counts[i] as number;
    // Move cell i to the end of the pool so draws come from the first n − 1 entries.
    swap(positionOf[i] as number, n - 1);
    let atLeast = 0;
    for (let draw = 0; draw < permutations; draw++) {
      let local = own;
      // Partial Fisher–Yates over the first n − 1 entries: the first `others` become the sample.
      for (let k = 0; k < others; k++) {
        swap(k + Math.floor(uniform() * (n - 1 - k)), k);
        local += counts[pool[k] as number] as number;
      }
      if (local >= observed) atLeast++;
    }
    const folded = Math.min(atLeast, permutations - atLeast);
    pseudoP[i] = (folded + 1) / (permutations + 1);
  }
  return pseudoP;
}
