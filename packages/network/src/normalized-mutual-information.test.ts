import { describe, expect, it } from 'vitest';
import { normalizedMutualInformation } from './normalized-mutual-information.ts';

const partition = (labels: Record<string, number | string>) => new Map(Object.entries(labels));

describe('normalizedMutualInformation', () => {
  it('is 1 for the same partition under other labels', () => {
    const first = partition({ a: 0, b: 0, c: 1, d: 1, e: 2 });
    const second = partition({ a: 'x', b: 'x', c: 'y', d: 'y', e: 'z' });

    expect(normalizedMutualInformation(first, second)).toBeCloseTo(1, 12);
  });

  it('is 0 for partitions that say nothing about each other', () => {
    // Each block of the first is split evenly between the blocks of the second.
    const first = partition({ a: 0, b: 0, c: 1, d: 1 });
    const second = partition({ a: 0, b: 1, c: 0, d: 1 });

    expect(normalizedMutualInformation(first, second)).toBeCloseTo(0, 12);
  });

  it('is the mutual information over the mean of the entropies in between', () => {
    // H(first) = ln 2; H(second) = −(¾ ln ¾ + ¼ ln ¼); I = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2.
    const first = partition({ a: 0, b: 0, c: 1, d: 1 });
    const second = partition({ a: 0, b: 0, c: 0, d: 1 });
    const hFirst = Math.log(2);
    const hSecond = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    const mutual = 0.5 * Math.log(4 / 3) + 0.25 * Math.log(2 / 3) + 0.25 * Math.log(2);

    expect(normalizedMutualInformation(first, second)).toBeCloseTo(mutual / ((hFirst + hSecond) / 2), 12);
    expect(normalizedMutualInformation(first, second)).toBeCloseTo(0.343711, 6);
  });

  it('ignores items missing from either partition', () => {
    const first = partition({ a: 0, b: 0, c: 1, d: 1, only: 0 });
    const second = partition({ a: 7, b: 7, c: 8, d: 8, elsewhere: 8 });

    expect(normalizedMutualInformation(first, second)).toBeCloseTo(1, 12);
  });

  it('is 0 when the partitions share no items', () => {
    expect(normalizedMutualInformation(partition({ a: 0 }), partition({ b: 0 }))).toBe(0);
  });
});
