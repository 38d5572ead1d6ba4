import { networkMetrics } from './network-metrics.ts';
import { normalizedMutualInformation } from './normalized-mutual-information.ts';
import { simpleGraph } from './simple-graph.ts';
import type { NetworkEdge, NetworkMetrics } from './types.ts';

export interface WeakDependence {
  /** Edges resting only on weak intelligence, removed for the comparison. */
  weakEdges: number;
  /** Metrics of the view without those edges. */
  strong: NetworkMetrics;
  /** How far the communities survive without weak edges (NMI of the two partitions, 0–1). */
  communityAgreement: number;
  /** Nodes among the most central with all edges, but not without the weak ones. */
  dependent: Map<string, { rankWith: number; rankWithout: number | null; weakGrades: string[] }>;
}

/** The most central: the top tenth of nodes by betweenness or PageRank, and at least ten. */
function topNodes(metrics: NetworkMetrics, by: 'betweenness' | 'pagerank', size: number): Map<string, number> {
  const ranked = [...metrics.nodes]
    .filter(([, m]) => m.degree > 0)
    .sort((a, b) => b[1][by] - a[1][by] || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.slice(0, size).map(([node], i) => [node, i + 1]));
}

/**
 * The view recomputed without the edges that rest only on weak intelligence (an unreliable source,
 * D or E assessments, unverified links), and the nodes whose place at the centre depends on them:
 * in the top tenth (at least ten) by betweenness or PageRank with every edge, out of it without the
 * weak ones. Each such node lists the worst gradings of the weak edges it loses.
 *
 * @example
 * weakDependence(ids, edges, metrics).dependent.get(associateId);
 * // → { rankWith: 2, rankWithout: null, weakGrades: ['3E'] }   "central only because of E-graded intelligence"
 */
export function weakDependence(
  nodeIds: readonly string[],
  edges: readonly NetworkEdge[],
  full: NetworkMetrics,
  seed = 1,
): WeakDependence {
  const strongEdges = edges.filter((edge) => !edge.weak);
  const strong = networkMetrics(simpleGraph(nodeIds, strongEdges), seed);
  const size = Math.max(10, Math.ceil(nodeIds.length / 10));
  const dependent: WeakDependence['dependent'] = new Map();
  for (const by of ['betweenness', 'pagerank'] as const) {
    const withAll = topNodes(full, by, size);
    const without = topNodes(strong, by, size);
    for (const [node, rankWith] of withAll) {
      if (without.has(node) || dependent.has(node)) continue;
      const weakGrades = [
        ...new Set(
          edges
            .filter((edge) => edge.weak && (edge.source === node || edge.target === node))
            .map((edge) => edge.worstGrade ?? 'unverified'),
        ),
      ].sort();
      if (weakGrades.length === 0) continue;
      const rankedWithout = [...strong.nodes].sort((a, b) => b[1][by] - a[1][by] || (a[0] < b[0] ? -1 : 1));
      const at = rankedWithout.findIndex(([id]) => id === node);
      dependent.set(node, {
        rankWith,
        rankWithout: at < 0 || strong.nodes.get(node)?.degree === 0 ? null : at + 1,
        weakGrades,
      });
    }
  }
  const communityAgreement = normalizedMutualInformation(
    new Map([...full.nodes].map(([node, m]) => [node, m.community])),
    new Map([...strong.nodes].map(([node, m]) => [node, m.community])),
  );
  return { weakEdges: edges.length - strongEdges.length, strong, communityAgreement, dependent };
}
