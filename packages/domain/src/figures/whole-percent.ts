/**
 * A percentage as a whole number, halves rounded up, from the unrounded counts (so shares that
 * should add to 100 may add to 99 or 101, as in the annual reports). 0 when the whole is 0.
 *
 * @example
 * wholePercent(1, 8); // → 13 (12.5 rounds up)
 * wholePercent(2154, 2462); // → 87
 */
export function wholePercent(part: number, whole: number): number {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`wholePercent needs counts (got ${part} of ${whole})`);
  }
  if (whole === 0) return 0;
  // Exact in integers: floor(100·part/whole + 1/2) = floor((200·part + whole) / (2·whole)).
  return Math.floor((200 * part + whole) / (2 * whole));
}
