import { describe, expect, it } from 'vitest';
import { nearestRankPercentile } from './nearest-rank-percentile.ts';
import { wholePercent } from './whole-percent.ts';

describe('wholePercent', () => {
  it('rounds halves up from the unrounded counts', () => {
    expect(wholePercent(1, 8)).toBe(13); // 12.5
    expect(wholePercent(1, 200)).toBe(1); // 0.5
    expect(wholePercent(1, 3)).toBe(33); // 33.33…
    expect(wholePercent(2, 3)).toBe(67); // 66.67
    expect(wholePercent(2154, 2462)).toBe(87); // the seeds' 87%
  });

  it('is 0 of nothing, and refuses what is not a count', () => {
    expect(wholePercent(0, 0)).toBe(0);
    expect(() => wholePercent(1.5, 3)).toThrow('wholePercent needs counts (got 1.5 of 3)');
  });
});

describe('nearestRankPercentile', () => {
  it('takes the ⌈p·n/100⌉-th smallest value', () => {
    // n = 4: p25 rank 1, p75 rank 3. n = 5: p25 rank ⌈1.25⌉ = 2, p75 rank ⌈3.75⌉ = 4.
    expect(nearestRankPercentile([17, 14, 15, 16], 25)).toBe(14);
    expect(nearestRankPercentile([17, 14, 15, 16], 75)).toBe(16);
    expect(nearestRankPercentile([13, 17, 14, 16, 15], 25)).toBe(14);
    expect(nearestRankPercentile([13, 17, 14, 16, 15], 75)).toBe(16);
    expect(nearestRankPercentile([9], 75)).toBe(9);
  });

  it('is null for no values and refuses a percent outside (0, 100]', () => {
    expect(nearestRankPercentile([], 25)).toBeNull();
    expect(() => nearestRankPercentile([1], 0)).toThrow('percent must be in (0, 100] (got 0)');
  });
});
