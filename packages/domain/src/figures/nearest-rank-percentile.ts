/**
 * The nearest-rank percentile: the smallest value such that at least `percent`% of the values are
 * no greater, i.e. the ⌈percent/100 × n⌉-th smallest. `null` for no values.
 *
 * @example
 * nearestRankPercentile([17, 14, 15, 16], 25); // → 14 (⌈0.25 × 4⌉ = 1st smallest)
 * nearestRankPercentile([17, 14, 15, 16, 13], 75); // → 16 (⌈0.75 × 5⌉ = 4th smallest)
 */
export function nearestRankPercentile(values: readonly number[], percent: number): number | null {
  if (!(percent > 0 && percent <= 100)) throw new RangeError(`percent must be in (0, 100] (got ${percent})`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // Integer arithmetic for the rank: 25 × 4 / 100 must be exactly 1, not 1.0000000000000002.
  const rank = Math.ceil((Math.round(percent * 1000) * sorted.length) / 100_000);
  return sorted[Math.max(rank, 1) - 1] as number;
}
