import Graph from 'graphology';
import type { NetworkEdge } from './types.ts';

export type SimpleGraph = Graph<Record<string, unknown>, { weight: number }>;

/**
 * The undirected simple graph of a view, nodes added in id order and edges in source/target order
 * so that every seeded analysis is deterministic. Edge weights are the collapsed tie counts.
 *
 * @example
 * const graph = simpleGraph(['a', 'b', 'c'], [{ source: 'a', target: 'b', weight: 2, … }]);
 * graph.order; // → 3
 * graph.getEdgeAttribute('a', 'b', 'weight'); // → 2
 */
export function simpleGraph(
  nodeIds: Iterable<string>,
  edges: readonly Pick<NetworkEdge, 'source' | 'target' | 'weight'>[],
): SimpleGraph {
  const graph: SimpleGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of [...new Set(nodeIds)].sort()) graph.addNode(id);
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) {
      throw new Error(`Edge ${edge.source}–${edge.target} names a node that is not in the graph`);
    }
    graph.mergeEdge(edge.source, edge.target, { weight: edge.weight });
  }
  return graph;
}
