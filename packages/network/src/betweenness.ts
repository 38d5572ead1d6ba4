import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { SimpleGraph } from './simple-graph.ts';

/** Above this many nodes betweenness is estimated from sampled sources (exact is O(n·m)). */
export const exactBetweennessLimit = 20_000;
/** How many source nodes the estimate starts from. */
export const betweennessSampleSize = 200;

export interface Betweenness {
  values: Map<string, number>;
  sample: { sources: number; of: number } | null;
}

/**
 * Unweighted betweenness centrality normalised as networkx's
 * `betweenness_centrality(G, normalized=True)` (2 / ((n − 1)(n − 2)) for an undirected graph),
 * exact by Brandes' algorithm (graphology-metrics) up to `exactBetweennessLimit` nodes. Above it,
 * Brandes from `betweennessSampleSize` sources drawn with the seed, scaled by n / k as networkx's
 * `betweenness_centrality(G, k=…, seed=…)` does; the result says it is a sample.
 *
 * @example
 * // the path a–b–c: only b lies between two others
 * betweenness(path).values; // → Map { a → 0, b → 1, c → 0 }
 */
export function betweenness(graph: SimpleGraph, seed = 1): Betweenness {
  const n = graph.order;
  if (n <= exactBetweennessLimit) {
    const exact = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
    return { values: new Map(Object.entries(exact)), sample: null };
  }
  const brandes = createUnweightedIndexedBrandes(graph) as ReturnType<typeof createUnweightedIndexedBrandes> & {
    index: { collect(values: Float64Array): Record<string, number> };
  };
  const random = xoroshiro128plus(seed);
  // A seeded partial Fisher–Yates shuffle picks k distinct sources.
  const indices = Array.from({ length: n }, (_, i) => i);
  const k = Math.min(betweennessSampleSize, n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(((random.next() >>> 0) / 0x1_0000_0000) * (n - i));
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (const source of indices.slice(0, k)) {
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop() as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (const v of predecessors[w] as number[]) delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      if (w !== source) centrality[w] = (centrality[w] as number) + (delta[w] as number);
    }
  }
  const scale = (1 / ((n - 1) * (n - 2))) * (n / k);
  for (let i = 0; i < n; i++) centrality[i] = (centrality[i] as number) * scale;
  return { values: new Map(Object.entries(brandes.index.collect(centrality))), sample: { sources: k, of: n } };
}
