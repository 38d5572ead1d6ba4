import { describe, expect, it } from 'vitest';
import { comparisonFor, lastCompleteYear, lastTwelveCompleteMonths } from './profile-periods.ts';

describe('profile periods', () => {
  it('takes the last twelve complete months: December under way, so to the end of November', () => {
    expect(lastTwelveCompleteMonths('2026-12-04')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(lastTwelveCompleteMonths('2027-01-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('takes the last calendar year ended', () => {
    expect(lastCompleteYear('2026-12-04')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('compares with the twelve months before by default', () => {
    expect(comparisonFor({ from: '2025-12-01', to: '2026-11-30' })).toEqual({ from: '2024-12-01', to: '2025-11-30' });
    expect(comparisonFor({ from: '2024-03-01', to: '2024-05-31' })).toEqual({ from: '2023-12-01', to: '2024-02-29' });
  });

  it('compares a period of days with as many days just before it', () => {
    expect(comparisonFor({ from: '2026-11-10', to: '2026-11-19' })).toEqual({ from: '2026-10-31', to: '2026-11-09' });
  });

  it('gives no comparison until the period is two dates in order', () => {
    expect(comparisonFor({ from: '', to: '2026-11-30' })).toBeNull();
    expect(comparisonFor({ from: '2026-12-01', to: '2026-11-30' })).toBeNull();
  });
});
