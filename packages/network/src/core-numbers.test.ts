import { describe, expect, it } from 'vitest';
import { coreNumbers } from './core-numbers.ts';
import { simpleGraph } from './simple-graph.ts';

const edge = (source: string, target: string) => ({ source, target, weight: 1 });

describe('coreNumbers', () => {
  it('puts a triangle in the 2-core and its pendant node in the 1-core', () => {
    const graph = simpleGraph(['a', 'b', 'c', 'd'], [edge('a', 'b'), edge('b', 'c'), edge('a', 'c'), edge('c', 'd')]);

    expect(Object.fromEntries(coreNumbers(graph))).toEqual({ a: 2, b: 2, c: 2, d: 1 });
  });

  it('puts every node of a 4-clique in the 3-core', () => {
    const graph = simpleGraph(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b'), edge('a', 'c'), edge('a', 'd'), edge('b', 'c'), edge('b', 'd'), edge('c', 'd')],
    );

    expect(Object.fromEntries(coreNumbers(graph))).toEqual({ a: 3, b: 3, c: 3, d: 3 });
  });

  it('keeps a 4-clique in the 3-core when a path hangs off it, and the path in the 1-core', () => {
    const graph = simpleGraph(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        edge('a', 'b'),
        edge('a', 'c'),
        edge('a', 'd'),
        edge('b', 'c'),
        edge('b', 'd'),
        edge('c', 'd'),
        edge('d', 'e'),
        edge('e', 'f'),
      ],
    );

    expect(Object.fromEntries(coreNumbers(graph))).toEqual({ a: 3, b: 3, c: 3, d: 3, e: 1, f: 1 });
  });

  it('gives an isolated node core number 0', () => {
    const graph = simpleGraph(['a', 'b', 'z'], [edge('a', 'b')]);

    expect(coreNumbers(graph).get('z')).toBe(0);
  });
});
