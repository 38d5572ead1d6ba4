import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { SimpleGraph } from './simple-graph.ts';

/**
 * PageRank of every node (graphology-metrics): α 0.85, weighted by the collapsed tie counts,
 * iterated to 1e-12 as networkx's `pagerank(G, alpha=0.85, weight='weight', tol=…)`.
 *
 * @example
 * // the path a–b–c
 * pageRank(path); // → { a: 0.2567…, b: 0.4864…, c: 0.2567… }
 */
export function pageRank(graph: SimpleGraph): Record<string, number> {
  return pagerank(graph, { alpha: 0.85, getEdgeWeight: 'weight', tolerance: 1e-12, maxIterations: 10_000 });
}
