import { describe, expect, it } from 'vitest';
import { financialYearOf, financialYearStarting, isFinancialYear } from './financial-years.ts';

describe('financial years', () => {
  it('starts a year on 1 April: 31 March belongs to the year before', () => {
    expect(financialYearOf('2026-03-31')).toEqual({ label: '2025/26', from: '2025-04-01', to: '2026-03-31' });
    expect(financialYearOf('2026-04-01')).toEqual({ label: '2026/27', from: '2026-04-01', to: '2027-03-31' });
    expect(financialYearOf('2024-02-29')).toEqual({ label: '2023/24', from: '2023-04-01', to: '2024-03-31' });
    expect(financialYearOf('2024-12-31').label).toBe('2024/25');
  });

  it('writes the turn of a century as two digits', () => {
    expect(financialYearStarting(2099)).toEqual({ label: '2099/00', from: '2099-04-01', to: '2100-03-31' });
  });

  it('recognises a period that is exactly one financial year', () => {
    expect(isFinancialYear('2019-04-01', '2020-03-31')).toBe(true);
    expect(isFinancialYear('2019-04-01', '2020-03-30')).toBe(false);
    expect(isFinancialYear('2019-04-02', '2020-03-31')).toBe(false);
    expect(isFinancialYear('2019-01-01', '2019-12-31')).toBe(false);
    expect(isFinancialYear('2019-04-01', '2021-03-31')).toBe(false);
    expect(isFinancialYear('not-a-date', '2020-03-31')).toBe(false);
  });
});
