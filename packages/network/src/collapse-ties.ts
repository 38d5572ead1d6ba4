import type { Grading, NetworkEdge, NetworkTie } from './types.ts';

const gradeRank = (grading: Grading) => 'ABCDE'.indexOf(grading.intelligence) * 3 + Number(grading.source) - 1;
const gradeText = (grading: Grading) => `${grading.source}${grading.intelligence}`;

/** The unordered key of a pair of node ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Collapses every tie between the same pair of nodes into one undirected edge: its types (sorted),
 * its weight (the number of ties), the span of their dates, the records behind them, the best and
 * worst grading among them (intelligence assessment first, then source evaluation) and whether all
 * of them are weak. Self-ties are dropped; the source of each edge is the smaller id.
 *
 * @example
 * collapseTies([
 *   { source: 'b', target: 'a', type: 'seen_at', first: '2026-01-02', last: '2026-01-02', records: ['r1'], grading: { source: '2', intelligence: 'B' }, weak: false },
 *   { source: 'a', target: 'b', type: 'frequents', first: '2025-12-01', last: '2026-02-01', records: ['r2'], grading: { source: '3', intelligence: 'E' }, weak: true },
 * ]);
 * // → [{ source: 'a', target: 'b', types: ['frequents', 'seen_at'], weight: 2, first: '2025-12-01',
 * //      last: '2026-02-01', records: ['r1', 'r2'], bestGrade: '2B', worstGrade: '3E', weak: false }]
 */
export function collapseTies(ties: readonly NetworkTie[]): NetworkEdge[] {
  const edges = new Map<
    string,
    { edge: NetworkEdge; best: Grading | null; worst: Grading | null; types: Set<string>; records: Set<string> }
  >();
  for (const tie of ties) {
    if (tie.source === tie.target) continue;
    const key = pairKey(tie.source, tie.target);
    let entry = edges.get(key);
    if (!entry) {
      const [source, target] = tie.source < tie.target ? [tie.source, tie.target] : [tie.target, tie.source];
      entry = {
        edge: {
          source,
          target,
          types: [],
          weight: 0,
          first: tie.first,
          last: tie.last,
          records: [],
          bestGrade: null,
          worstGrade: null,
          weak: true,
        },
        best: null,
        worst: null,
        types: new Set(),
        records: new Set(),
      };
      edges.set(key, entry);
    }
    const { edge } = entry;
    edge.weight += 1;
    if (tie.first < edge.first) edge.first = tie.first;
    if (tie.last > edge.last) edge.last = tie.last;
    if (!tie.weak) edge.weak = false;
    entry.types.add(tie.type);
    for (const record of tie.records) entry.records.add(record);
    if (tie.grading) {
      if (!entry.best || gradeRank(tie.grading) < gradeRank(entry.best)) entry.best = tie.grading;
      if (!entry.worst || gradeRank(tie.grading) > gradeRank(entry.worst)) entry.worst = tie.grading;
    }
  }
  return [...edges.values()]
    .map(({ edge, best, worst, types, records }) => ({
      ...edge,
      types: [...types].sort(),
      records: [...records].sort(),
      bestGrade: best ? gradeText(best) : null,
      worstGrade: worst ? gradeText(worst) : null,
    }))
    .sort((a, b) => (a.source === b.source ? (a.target < b.target ? -1 : 1) : a.source < b.source ? -1 : 1));
}
