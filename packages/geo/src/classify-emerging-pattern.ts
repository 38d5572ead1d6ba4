export const emergingPatterns = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type EmergingPattern = (typeof emergingPatterns)[number];

/**
 * The emerging hot-spot pattern of one cell from its per-slice states (+1 hot spot, −1 cold spot,
 * 0 neither, in time order) for spots of one sign (`sign` +1 for hot patterns, −1 for cold) and
 * the sign of its significant Mann–Kendall trend in that direction (+1 getting hotter for hot
 * patterns / colder for cold ones, −1 the reverse, 0 no significant trend). With T slices,
 * H spot slices and "final" the last slice, first match wins:
 *
 * - **new**: final a spot, and no other slice;
 * - **consecutive**: final a spot, the spot slices are one unbroken run ending at the final slice,
 *   at least two long, and H/T < 90%;
 * - **intensifying**: final a spot, H/T ≥ 90%, significant trend in the spot's direction;
 * - **diminishing**: final a spot, H/T ≥ 90%, significant trend against it;
 * - **persistent**: final a spot, H/T ≥ 90%, no significant trend;
 * - **oscillating**: final a spot, H/T < 90%, and some slice a spot of the opposite sign;
 * - **sporadic**: final a spot, H/T < 90%, on and off, never of the opposite sign;
 * - **historical**: final not a spot, but H/T ≥ 90%;
 * - otherwise null.
 *
 * @example
 * classifyEmergingPattern(Int8Array.of(0, 0, 0, 1), 1, 0) // 'new'
 */
export function classifyEmergingPattern(
  states: ArrayLike<number>,
  sign: 1 | -1,
  trend: number,
): EmergingPattern | null {
  const total = states.length;
  if (total === 0) throw new RangeError('states must have at least one time slice');
  let spots = 0;
  let opposite = 0;
  for (let t = 0; t < total; t++) {
    const state = states[t];
    if (state === sign) spots++;
    else if (state === -sign) opposite++;
  }
  const share = spots / total;
  const finalSpot = states[total - 1] === sign;
  if (!finalSpot) return share >= 0.9 ? 'historical' : null;
  if (spots === 1) return 'new';
  let run = 0;
  while (run < total && states[total - 1 - run] === sign) run++;
  if (run === spots && share < 0.9) return 'consecutive';
  if (share >= 0.9) return trend > 0 ? 'intensifying' : trend < 0 ? 'diminishing' : 'persistent';
  return opposite > 0 ? 'oscillating' : 'sporadic';
}
