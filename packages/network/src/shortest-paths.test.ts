import { describe, expect, it } from 'vitest';
import { shortestPaths } from './shortest-paths.ts';
import { simpleGraph } from './simple-graph.ts';

const edge = (source: string, target: string) => ({ source, target, weight: 1 });

/** a–b–d and a–c–d: two shortest paths from a to d. */
const square = () =>
  simpleGraph(['a', 'b', 'c', 'd'], [edge('a', 'b'), edge('b', 'd'), edge('a', 'c'), edge('c', 'd')]);

describe('shortestPaths', () => {
  it('finds both shortest paths across a square, in a stable order', () => {
    expect(shortestPaths(square(), 'a', 'd')).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
    ]);
  });

  it('finds them the other way round too, each read from the first node to the second', () => {
    expect(shortestPaths(square(), 'd', 'a')).toEqual([
      ['d', 'b', 'a'],
      ['d', 'c', 'a'],
    ]);
  });

  it('takes a direct edge over the long way round a cycle', () => {
    const cycle = simpleGraph(['a', 'b', 'c', 'd'], [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('a', 'd')]);

    expect(shortestPaths(cycle, 'a', 'd')).toEqual([['a', 'd']]);
  });

  it('leaves out the longer way through an edge between the two middle nodes', () => {
    const graph = simpleGraph(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b'), edge('b', 'd'), edge('a', 'c'), edge('c', 'd'), edge('b', 'c')],
    );

    expect(shortestPaths(graph, 'a', 'd')).toEqual([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
    ]);
  });

  it('gives no path between nodes in different components', () => {
    const graph = simpleGraph(['a', 'b', 'c', 'd'], [edge('a', 'b'), edge('c', 'd')]);

    expect(shortestPaths(graph, 'a', 'd')).toEqual([]);
  });

  it('gives no path to a node that is not in the graph', () => {
    expect(shortestPaths(square(), 'a', 'nobody')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(shortestPaths(square(), 'a', 'd', 1)).toEqual([['a', 'b', 'd']]);
  });
});
