/**
 * Normalised mutual information between two partitions of the same items, with the arithmetic
 * mean of the entropies as the normaliser (scikit-learn's `normalized_mutual_info_score`
 * default). 1 when the partitions agree up to relabelling; 0 when they share no information.
 * Items missing from either partition are ignored.
 *
 * @example
 * normalizedMutualInformation(new Map([['a', 0], ['b', 0], ['c', 1]]), new Map([['a', 5], ['b', 5], ['c', 7]])); // → 1
 */
export function normalizedMutualInformation(
  first: ReadonlyMap<string, number | string>,
  second: ReadonlyMap<string, number | string>,
): number {
  const items = [...first.keys()].filter((item) => second.has(item));
  const n = items.length;
  if (n === 0) return 0;
  const countsA = new Map<number | string, number>();
  const countsB = new Map<number | string, number>();
  const joint = new Map<number | string, Map<number | string, number>>();
  for (const item of items) {
    const a = first.get(item) as number | string;
    const b = second.get(item) as number | string;
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
    const row = joint.get(a) ?? new Map<number | string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    joint.set(a, row);
  }
  const entropy = (counts: Map<number | string, number>) =>
    -[...counts.values()].reduce((sum, count) => sum + (count / n) * Math.log(count / n), 0);
  const hA = entropy(countsA);
  const hB = entropy(countsB);
  if (hA === 0 && hB === 0) return 1;
  let mutual = 0;
  for (const [a, row] of joint) {
    const pa = (countsA.get(a) as number) / n;
    for (const [b, count] of row) {
      const pb = (countsB.get(b) as number) / n;
      mutual += (count / n) * Math.log(count / n / (pa * pb));
    }
  }
  return Math.max(0, Math.min(1, mutual / ((hA + hB) / 2)));
}
