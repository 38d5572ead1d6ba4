import { betweenness } from './betweenness.ts';
import { coreNumbers } from './core-numbers.ts';
import { eigenvectorByComponent } from './eigenvector-by-component.ts';
import { louvainCommunities } from './louvain-communities.ts';
import { pageRank } from './page-rank.ts';
import type { SimpleGraph } from './simple-graph.ts';
import type { NetworkMetrics, NetworkNodeMetrics } from './types.ts';

/**
 * Every metric of the network view on its simple graph: degree (neighbours), betweenness
 * (unweighted, normalised), PageRank (α 0.85, weighted by tie counts, to 1e-12), eigenvector
 * centrality (per connected component), Louvain communities with their modularity, each node's
 * share of edge weight to other communities (bridges) and its k-core number.
 *
 * @example
 * const metrics = networkMetrics(simpleGraph(ids, edges), 1);
 * metrics.nodes.get(id); // → { degree, betweenness, pagerank, eigenvector, community, core, bridgeShare }
 */
export function networkMetrics(graph: SimpleGraph, seed = 1): NetworkMetrics {
  if (graph.order === 0) return { nodes: new Map(), modularity: 0, communityCount: 0, betweennessSample: null };
  const between = betweenness(graph, seed);
  const rank = pageRank(graph);
  const eigenvector = eigenvectorByComponent(graph);
  const communities = louvainCommunities(graph, seed);
  const cores = coreNumbers(graph);
  const nodes = new Map<string, NetworkNodeMetrics>();
  for (const node of graph.nodes()) {
    const community = communities.membership.get(node) as number;
    let total = 0;
    let outside = 0;
    graph.forEachEdge(node, (_edge, { weight }, source, target) => {
      const other = source === node ? target : source;
      total += weight;
      if (communities.membership.get(other) !== community) outside += weight;
    });
    nodes.set(node, {
      degree: graph.degree(node),
      betweenness: between.values.get(node) ?? 0,
      pagerank: rank[node] ?? 0,
      eigenvector: eigenvector.get(node) ?? 0,
      community,
      core: cores.get(node) ?? 0,
      bridgeShare: total === 0 ? 0 : outside / total,
    });
  }
  return {
    nodes,
    modularity: communities.modularity,
    communityCount: communities.count,
    betweennessSample: between.sample,
  };
}
