export { type Betweenness, betweenness, betweennessSampleSize, exactBetweennessLimit } from './betweenness.ts';
export { collapseTies, pairKey } from './collapse-ties.ts';
export { coreNumbers } from './core-numbers.ts';
export { eigenvectorByComponent } from './eigenvector-by-component.ts';
export { networkAnx, networkEdgesCsv, networkGexf, networkGraphml, networkNodesCsv } from './export-formats.ts';
export { type Communities, louvainCommunities } from './louvain-communities.ts';
export { networkMetrics } from './network-metrics.ts';
export { normalizedMutualInformation } from './normalized-mutual-information.ts';
export { pageRank } from './page-rank.ts';
export { shortestPaths } from './shortest-paths.ts';
export { type SimpleGraph, simpleGraph } from './simple-graph.ts';
export {
  derivedTieTypes,
  type Grading,
  type NetworkEdge,
  type NetworkMetrics,
  type NetworkNodeMetrics,
  type NetworkTie,
} from './types.ts';
export { type WeakDependence, weakDependence } from './weak-dependence.ts';
