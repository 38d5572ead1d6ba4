import type { SimpleGraph } from './simple-graph.ts';

/**
 * Every shortest path (fewest edges) from one node to another, up to `limit` paths, each a list of
 * node ids from `from` to `to`, in a stable order. Empty when they are not connected.
 *
 * @example
 * // a square a–b–d, a–c–d
 * shortestPaths(square, 'a', 'd'); // → [['a', 'b', 'd'], ['a', 'c', 'd']]
 */
export function shortestPaths(graph: SimpleGraph, from: string, to: string, limit = 10): string[][] {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return [];
  if (from === to) return [[from]];
  const distance = new Map<string, number>([[from, 0]]);
  const predecessors = new Map<string, string[]>();
  let frontier = [from];
  while (frontier.length > 0 && !distance.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      const d = distance.get(node) as number;
      for (const neighbour of graph.neighbors(node).sort()) {
        const seen = distance.get(neighbour);
        if (seen === undefined) {
          distance.set(neighbour, d + 1);
          predecessors.set(neighbour, [node]);
          next.push(neighbour);
        } else if (seen === d + 1) {
          predecessors.get(neighbour)?.push(node);
        }
      }
    }
    frontier = next;
  }
  if (!distance.has(to)) return [];
  const paths: string[][] = [];
  const walk = (node: string, suffix: string[]) => {
    if (paths.length >= limit) return;
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    for (const previous of predecessors.get(node) ?? []) walk(previous, [node, ...suffix]);
  };
  walk(to, []);
  return paths;
}
