import { connectedComponents } from 'graphology-components';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector.js';
import { subgraph } from 'graphology-operators';
import type { SimpleGraph } from './simple-graph.ts';

/**
 * Eigenvector centrality computed separately in each connected component (unweighted, each
 * component's vector of unit length), as networkx's `eigenvector_centrality_numpy` gives for that
 * component; networkx refuses a disconnected graph because the whole graph's leading eigenvector
 * would put zero on every component but one. A node with no neighbours has 0. Power iteration on
 * A + I (graphology-metrics) to a tight tolerance, so the values agree with an eigen-solver's to
 * well within 1e-6.
 *
 * @example
 * // the path a–b–c
 * eigenvectorByComponent(path); // → Map { a → 0.5, b → 0.7071…, c → 0.5 }
 */
export function eigenvectorByComponent(graph: SimpleGraph): Map<string, number> {
  const result = new Map<string, number>();
  for (const component of connectedComponents(graph)) {
    if (component.length === 1) {
      result.set(component[0] as string, 0);
      continue;
    }
    const part = subgraph(graph, component) as SimpleGraph;
    const values = eigenvectorCentrality(part, { getEdgeWeight: null, maxIterations: 100_000, tolerance: 1e-13 });
    for (const node of component) result.set(node, values[node] ?? 0);
  }
  return result;
}
