import type { SimpleGraph } from './simple-graph.ts';

/**
 * The k-core number of every node (the largest k such that the node belongs to a subgraph in which
 * every node has at least k neighbours), by Batagelj and Zaversnik's O(m) bucket algorithm, as
 * networkx's `core_number`. Written here because no maintained graphology package provides it.
 *
 * @example
 * // a triangle with a pendant node
 * coreNumbers(simpleGraph(['a', 'b', 'c', 'd'], [ab, bc, ca, cd])); // → Map { a → 2, b → 2, c → 2, d → 1 }
 */
export function coreNumbers(graph: SimpleGraph): Map<string, number> {
  const nodes = graph.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const degree = nodes.map((node) => graph.degree(node));
  const maxDegree = Math.max(0, ...degree);
  // Nodes sorted by degree, with the start of each degree's bucket and each node's position.
  const bucketStart = new Array<number>(maxDegree + 2).fill(0);
  for (const d of degree) bucketStart[d + 1] = (bucketStart[d + 1] ?? 0) + 1;
  for (let d = 1; d <= maxDegree + 1; d++) bucketStart[d] = (bucketStart[d] ?? 0) + (bucketStart[d - 1] ?? 0);
  const order = new Array<number>(nodes.length);
  const position = new Array<number>(nodes.length);
  const next = [...bucketStart];
  degree.forEach((d, node) => {
    const at = next[d] ?? 0;
    next[d] = at + 1;
    order[at] = node;
    position[node] = at;
  });
  for (let i = 0; i < nodes.length; i++) {
    const v = order[i] as number;
    const dv = degree[v] as number;
    graph.forEachNeighbor(nodes[v] as string, (neighbour) => {
      const u = index.get(neighbour) as number;
      const du = degree[u] as number;
      if (du <= dv) return;
      // Move u to the front of its bucket, then shrink the bucket by one: u's degree drops by one.
      const front = bucketStart[du] as number;
      const w = order[front] as number;
      if (w !== u) {
        order[position[u] as number] = w;
        position[w] = position[u] as number;
        order[front] = u;
        position[u] = front;
      }
      bucketStart[du] = front + 1;
      degree[u] = du - 1;
    });
  }
  return new Map(nodes.map((node, i) => [node, degree[i] as number]));
}
