import { describe, expect, it } from 'vitest';
import { afterPeriodComplete, effectCaution, effectCount, effectPeriods } from './effect.ts';

describe('effectPeriods', () => {
  it('takes equal whole months either side, leaving out the month the action came into force', () => {
    expect(effectPeriods('2025-03-10', 3)).toEqual({
      before: { from: '2024-12-01', to: '2025-02-28' },
      after: { from: '2025-04-01', to: '2025-06-30' },
      excludedMonth: '2025-03',
    });
  });

  it('handles leap years and year ends', () => {
    expect(effectPeriods('2024-01-31', 1)).toEqual({
      before: { from: '2023-12-01', to: '2023-12-31' },
      after: { from: '2024-02-01', to: '2024-02-29' },
      excludedMonth: '2024-01',
    });
  });

  it('refuses a period that is not 1 to 24 whole months', () => {
    expect(() => effectPeriods('2025-03-10', 0)).toThrow('months must be a whole number from 1 to 24, got 0');
    expect(() => effectPeriods('2025-03-10', 1.5)).toThrow(RangeError);
  });

  it('knows when the after period is still running', () => {
    const periods = effectPeriods('2025-03-10', 3);
    expect(afterPeriodComplete(periods, '2025-06-30')).toBe(false);
    expect(afterPeriodComplete(periods, '2025-07-01')).toBe(true);
  });
});

describe('effectCount', () => {
  it('gives the change and a whole-number percentage, none from zero', () => {
    expect(effectCount(8, 5)).toEqual({ before: 8, after: 5, change: -3, percentChange: -38 });
    expect(effectCount(0, 4)).toEqual({ before: 0, after: 4, change: 4, percentChange: null });
  });
});

describe('effectCaution', () => {
  const base = { distanceMetres: 250, months: 3, excludedMonth: '2025-03', complete: true };
  it('always says that a difference is not proof of effect', () => {
    const lines = effectCaution({ ...base, totalBefore: 40, totalAfter: 20 });
    expect(lines[0]).toBe(
      'These are counts of recorded incidents within 250 m of the target in the 3 months before and the 3 months after the month the action came into force (2025-03, left out of both).',
    );
    expect(lines.join(' ')).toContain('does not show that the action caused it');
    expect(lines).toHaveLength(4);
  });

  it('warns about an unfinished after period and about small numbers', () => {
    const lines = effectCaution({ ...base, complete: false, totalBefore: 3, totalAfter: 1 });
    expect(lines).toContain('The after period has not finished yet: its counts are incomplete and will grow.');
    expect(lines.at(-1)).toBe(
      'With fewer than 10 incidents in each period, a difference of this size is well within chance variation.',
    );
  });
});
