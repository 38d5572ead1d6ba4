import {
  type NetworkEdge,
  type NetworkMetrics,
  networkMetrics,
  simpleGraph,
  type WeakDependence,
  weakDependence,
} from '@lantern/network';

/**
 * The CPU-heavy half of a network view, run in the analytics worker pool: every metric of the
 * view's simple graph, and the same again without the edges that rest only on weak intelligence.
 * Plain data in (node ids and collapsed edges), plain data out.
 */
export interface NetworkWork {
  kind: 'network';
  nodeIds: string[];
  edges: NetworkEdge[];
  seed: number;
}

export interface NetworkOutcome {
  metrics: NetworkMetrics;
  weak: WeakDependence;
}

export function networkWork(work: NetworkWork): NetworkOutcome {
  const metrics = networkMetrics(simpleGraph(work.nodeIds, work.edges), work.seed);
  return { metrics, weak: weakDependence(work.nodeIds, work.edges, metrics, work.seed) };
}
