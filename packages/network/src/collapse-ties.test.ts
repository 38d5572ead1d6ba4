import { describe, expect, it } from 'vitest';
import { collapseTies, pairKey } from './collapse-ties.ts';
import type { Grading, NetworkTie } from './types.ts';

/** A tie between two nodes, with defaults for everything the test does not care about. */
function tie(source: string, target: string, overrides: Partial<NetworkTie> = {}): NetworkTie {
  return {
    source,
    target,
    type: 'associates_with',
    first: '2025-01-01',
    last: '2025-01-31',
    records: [`r-${source}-${target}`],
    grading: null,
    weak: false,
    ...overrides,
  };
}

const grade = (text: string): Grading => ({
  source: text[0] as Grading['source'],
  intelligence: text[1] as Grading['intelligence'],
});

describe('pairKey', () => {
  it('is the same whichever way round the pair is given', () => {
    expect([pairKey('b', 'a'), pairKey('a', 'b')]).toEqual(['a|b', 'a|b']);
  });
});

describe('collapseTies', () => {
  it('collapses every tie between a pair, in either direction, into one edge weighted by the number of ties', () => {
    const edges = collapseTies([
      tie('b', 'a', { type: 'seen_at', first: '2025-02-03', last: '2025-02-03', records: ['r2'] }),
      tie('a', 'b', { type: 'frequents', first: '2024-12-01', last: '2025-01-15', records: ['r1'] }),
      tie('a', 'b', { type: 'seen_at', first: '2025-01-10', last: '2025-03-01', records: ['r2', 'r3'] }),
    ]);

    expect(edges).toEqual([
      {
        source: 'a',
        target: 'b',
        types: ['frequents', 'seen_at'],
        weight: 3,
        first: '2024-12-01',
        last: '2025-03-01',
        records: ['r1', 'r2', 'r3'],
        bestGrade: null,
        worstGrade: null,
        weak: false,
      },
    ]);
  });

  it('keeps each pair its own edge, sorted by source then target, with the smaller id as source', () => {
    const edges = collapseTies([tie('c', 'b'), tie('b', 'a'), tie('a', 'c')]);

    expect(edges.map((edge) => [edge.source, edge.target, edge.weight])).toEqual([
      ['a', 'b', 1],
      ['a', 'c', 1],
      ['b', 'c', 1],
    ]);
  });

  it('drops a tie from a node to itself', () => {
    expect(collapseTies([tie('a', 'a'), tie('a', 'b')]).map((edge) => [edge.source, edge.target])).toEqual([
      ['a', 'b'],
    ]);
  });

  it('gives no edge at all for self-ties alone', () => {
    expect(collapseTies([tie('a', 'a'), tie('b', 'b')])).toEqual([]);
  });

  it('orders gradings by intelligence assessment first, then source evaluation: 3A is better than 1B', () => {
    const [edge] = collapseTies([
      tie('a', 'b', { grading: grade('1B') }),
      tie('a', 'b', { grading: grade('3A') }),
      tie('a', 'b', { grading: grade('2B') }),
    ]);

    expect([edge?.bestGrade, edge?.worstGrade]).toEqual(['3A', '2B']);
  });

  it('ranks 1A best and 3E worst among all fifteen gradings', () => {
    const all = ['1', '2', '3'].flatMap((source) => ['A', 'B', 'C', 'D', 'E'].map((assessment) => source + assessment));
    const [edge] = collapseTies(all.map((text) => tie('a', 'b', { grading: grade(text) })));

    expect([edge?.bestGrade, edge?.worstGrade]).toEqual(['1A', '3E']);
  });

  it('grades an edge by its graded ties only, ignoring ties on police records', () => {
    const [edge] = collapseTies([
      tie('a', 'b', { type: 'co-missing', grading: null }),
      tie('a', 'b', { grading: grade('2C') }),
    ]);

    expect([edge?.bestGrade, edge?.worstGrade]).toEqual(['2C', '2C']);
  });

  it('calls an edge weak when every tie behind it is weak', () => {
    const [edge] = collapseTies([
      tie('a', 'b', { grading: grade('3B'), weak: true }),
      tie('b', 'a', { grading: grade('2E'), weak: true }),
    ]);

    expect(edge?.weak).toBe(true);
  });

  it('does not call an edge weak when one tie behind it is not', () => {
    const [edge] = collapseTies([
      tie('a', 'b', { grading: grade('3B'), weak: true }),
      tie('b', 'a', { grading: grade('2B'), weak: false }),
      tie('a', 'b', { grading: grade('2E'), weak: true }),
    ]);

    expect(edge?.weak).toBe(false);
  });
});
