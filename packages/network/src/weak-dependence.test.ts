import { describe, expect, it } from 'vitest';
import { collapseTies } from './collapse-ties.ts';
import { networkMetrics } from './network-metrics.ts';
import { simpleGraph } from './simple-graph.ts';
import type { Grading, NetworkTie } from './types.ts';
import { weakDependence } from './weak-dependence.ts';

function tie(source: string, target: string, grading: string | null, weak: boolean): NetworkTie {
  return {
    source,
    target,
    type: 'associates_with',
    first: '2025-01-01',
    last: '2025-01-31',
    records: [`r-${source}-${target}`],
    grading: grading
      ? { source: grading[0] as Grading['source'], intelligence: grading[1] as Grading['intelligence'] }
      : null,
    weak,
  };
}

/** The view's nodes, edges and metrics with every edge, as the use cases compute them. */
function check(nodeIds: string[], ties: NetworkTie[]) {
  const edges = collapseTies(ties);
  return weakDependence(nodeIds, edges, networkMetrics(simpleGraph(nodeIds, edges), 1), 1);
}

/**
 * A star: the hub h tied to a, b and c by weak intelligence only (3E, 2D, an unverified link);
 * each of a, b and c has a strong tie of its own to a2, b2, c2.
 */
const starIds = ['h', 'a', 'b', 'c', 'a2', 'b2', 'c2'];
const star = [
  tie('h', 'a', '3E', true),
  tie('h', 'b', '2D', true),
  tie('h', 'c', null, true),
  tie('a', 'a2', '2B', false),
  tie('b', 'b2', '2B', false),
  tie('c', 'c2', '1A', false),
];

describe('weakDependence', () => {
  it('flags the hub of a star whose only edges are weak, with the gradings it rests on', () => {
    const result = check(starIds, star);

    expect(Object.fromEntries(result.dependent)).toEqual({
      h: { rankWith: 1, rankWithout: null, weakGrades: ['2D', '3E', 'unverified'] },
    });
  });

  it('counts the weak edges it took out and leaves the hub without neighbours', () => {
    const result = check(starIds, star);

    expect(result.weakEdges).toBe(3);
    expect(result.strong.nodes.get('h')?.degree).toBe(0);
    expect(result.strong.nodes.get('a')?.degree).toBe(1);
  });

  it('flags nothing when the same star rests on strong intelligence', () => {
    const strongStar = star.map((one) => ({ ...one, weak: false }));

    const result = check(starIds, strongStar);

    expect([result.dependent.size, result.weakEdges]).toEqual([0, 0]);
    expect(result.communityAgreement).toBeCloseTo(1, 12);
  });

  it('flags the node that loses its only edge, not the one that keeps a strong edge when a weak one goes', () => {
    // h keeps its strong tie to a; its tie to b, b's only one, is weak.
    const ids = ['h', 'a', 'b', 'a2'];
    const result = check(ids, [tie('h', 'a', '2B', false), tie('h', 'b', '3E', true), tie('a', 'a2', '2B', false)]);

    expect([...result.dependent.keys()]).toEqual(['b']);
  });
});
