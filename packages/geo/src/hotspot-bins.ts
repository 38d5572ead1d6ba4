import { benjaminiHochberg } from './benjamini-hochberg.ts';

export interface HotspotBinsOptions {
  /** Judge significance on Benjamini–Hochberg q-values rather than raw p (default true). */
  fdr?: boolean;
}

/**
 * ArcGIS's 7 hot-spot confidence bins: ±3 at 99%, ±2 at 95%, ±1 at 90% confidence, 0 not
 * significant; the sign is the sign of z (hot +, cold −). With `fdr` the p-values are first
 * Benjamini–Hochberg adjusted across all cells, which is what ArcGIS's "FDR correction" does
 * (it lowers each level's critical p to the largest p_(k) ≤ k·α/m; q ≤ α is the same test).
 *
 * @example
 * hotspotBins([3.1, -2.1, 0.2], [0.0019, 0.0357, 0.84], { fdr: false }) // Int8Array [3, -2, 0]
 */
export function hotspotBins(z: ArrayLike<number>, p: ArrayLike<number>, options: HotspotBinsOptions = {}): Int8Array {
  if (z.length !== p.length) throw new RangeError(`z and p differ in length: ${z.length} and ${p.length}`);
  const evidence = (options.fdr ?? true) ? benjaminiHochberg(p) : p;
  const bins = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const value = evidence[i] as number;
    const level = value <= 0.01 ? 3 : value <= 0.05 ? 2 : value <= 0.1 ? 1 : 0;
    const sign = Math.sign(z[i] as number);
    bins[i] = level * sign;
  }
  return bins;
}
