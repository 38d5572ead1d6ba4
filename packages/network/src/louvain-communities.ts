import louvain from 'graphology-communities-louvain';
import modularity from 'graphology-metrics/graph/modularity.js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { SimpleGraph } from './simple-graph.ts';

export interface Communities {
  /** Community of each node, numbered 0… by size (largest first), ties by smallest member id. */
  membership: Map<string, number>;
  count: number;
  /** Weighted modularity (resolution 1) of the partition, as networkx's `modularity` computes it. */
  modularity: number;
}

/**
 * Louvain communities (graphology-communities-louvain) on the weighted simple graph, resolution 1,
 * with a seeded random walk so the same view always gives the same partition. The modularity is
 * recomputed from the final partition (graphology-metrics), the figure networkx reports for it.
 *
 * @example
 * louvainCommunities(twoTrianglesJoinedByOneEdge).count; // → 2
 */
export function louvainCommunities(graph: SimpleGraph, seed = 1): Communities {
  if (graph.size === 0) {
    const membership = new Map(graph.nodes().map((node, i) => [node, i]));
    return { membership, count: graph.order, modularity: 0 };
  }
  const random = xoroshiro128plus(seed);
  const found = louvain(graph, {
    getEdgeWeight: 'weight',
    resolution: 1,
    rng: () => (random.next() >>> 0) / 0x1_0000_0000,
  });
  // Renumber by size so community 0 is the largest, whatever order Louvain visited them in.
  const members = new Map<number, string[]>();
  for (const node of graph.nodes()) {
    const label = found[node] as number;
    const list = members.get(label) ?? [];
    list.push(node);
    members.set(label, list);
  }
  const ranked = [...members.values()].sort(
    (a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1),
  );
  const membership = new Map<string, number>();
  ranked.forEach((nodes, community) => {
    for (const node of nodes) membership.set(node, community);
  });
  const score = modularity(graph, {
    getNodeCommunity: (node: string) => membership.get(node) as number,
    getEdgeWeight: 'weight',
    resolution: 1,
  });
  return { membership, count: ranked.length, modularity: score };
}
