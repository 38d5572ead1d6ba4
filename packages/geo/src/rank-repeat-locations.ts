export interface RepeatLocation {
  key: string;
  count: number;
  /** Competition rank ("1224"): equal counts share a rank. */
  rank: number;
}

export interface RankRepeatLocationsOptions {
  /** Fewest events for a location to count as a repeat (default 2). */
  minimum?: number;
  /** Most locations returned (default all). */
  limit?: number;
}

/**
 * Ranks locations by how many events they had: a location (a place id, a cell id, a snapped
 * point) with at least `minimum` events is a repeat location. Ordered by count descending, then
 * key ascending so equal counts come out in a stable order.
 *
 * @example
 * rankRepeatLocations(['a', 'b', 'a', 'c', 'b', 'a']) // [{ key: 'a', count: 3, rank: 1 }, { key: 'b', count: 2, rank: 2 }]
 */
export function rankRepeatLocations(
  keys: Iterable<string>,
  options: RankRepeatLocationsOptions = {},
): RepeatLocation[] {
  const minimum = options.minimum ?? 2;
  if (!Number.isInteger(minimum) || minimum < 1)
    throw new RangeError(`minimum must be a positive integer, got ${minimum}`);
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
    throw new RangeError(`limit must be a non-negative integer, got ${options.limit}`);
  }
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ranked = [...counts]
    .filter(([, count]) => count >= minimum)
    .sort(([keyA, countA], [keyB, countB]) => countB - countA || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .slice(0, options.limit);
  const result: RepeatLocation[] = [];
  for (const [index, [key, count]] of ranked.entries()) {
    const previous = result[index - 1];
    result.push({ key, count, rank: previous && previous.count === count ? previous.rank : index + 1 });
  }
  return result;
}
