import { twoSidedP } from './two-sided-p.ts';

export interface MannKendall {
  /** Kendall's S: concordant minus discordant pairs in time order. */
  s: number;
  /** Var(S) with the tie correction. */
  variance: number;
  /** Normal approximation with continuity correction. */
  z: number;
  p: number;
  /** Kendall's tau-a, S / (n(n−1)/2). */
  tau: number;
}

/**
 * The Mann–Kendall trend test (Mann 1945; Kendall 1975) on a series in time order:
 * S = Σ_{i<j} sign(x_j − x_i), Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18 over tie groups t,
 * z = (S − sign(S)) / √Var(S), p two-sided. Agrees with R's `Kendall::MannKendall`. O(n²), fine
 * for the tens of monthly slices it is used on.
 *
 * @example
 * mannKendall([1, 2, 3, 4, 5]) // { s: 10, variance: 16.67, z: 2.205, p: 0.0275, tau: 1 }
 */
export function mannKendall(series: ArrayLike<number>): MannKendall {
  const n = series.length;
  if (n < 3) throw new RangeError(`Mann–Kendall needs at least 3 values, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(series[i] as number))
      throw new RangeError(`series[${i}] is not a finite number: ${series[i]}`);
  }
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign((series[j] as number) - (series[i] as number));
  }
  const sorted = Float64Array.from(series).sort();
  let ties = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && sorted[end] === sorted[start]) end++;
    const t = end - start;
    ties += t * (t - 1) * (2 * t + 5);
    start = end;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = variance > 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: variance > 0 ? twoSidedP(z) : 1, tau: s / ((n * (n - 1)) / 2) };
}
