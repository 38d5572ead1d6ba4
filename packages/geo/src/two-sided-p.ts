import erfc from '@stdlib/math-base-special-erfc';

/**
 * Two-sided p-value of a standard normal z-score, P(|Z| ≥ |z|) = erfc(|z|/√2), accurate in the far
 * tails (no 1 − Φ cancellation). NaN gives NaN.
 *
 * @example
 * twoSidedP(1.959963985) // 0.05
 */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
