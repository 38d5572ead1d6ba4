import { describe, expect, it } from 'vitest';
import { lastReportingQuarters, reportingQuarterOf } from './reporting-quarters.ts';

describe('reporting quarters', () => {
  it('puts April to June in Q1 and January to March in Q4 of the financial year before', () => {
    expect(reportingQuarterOf('2025-04-01')).toEqual({ label: '2025/26 Q1', from: '2025-04-01', to: '2025-06-30' });
    expect(reportingQuarterOf('2026-03-31')).toEqual({ label: '2025/26 Q4', from: '2026-01-01', to: '2026-03-31' });
    expect(reportingQuarterOf('2099-12-31')).toEqual({ label: '2099/00 Q3', from: '2099-10-01', to: '2099-12-31' });
  });

  it('lists the last eight quarters oldest first, across year ends', () => {
    const quarters = lastReportingQuarters('2025-11-22', 8);
    expect(quarters.map((quarter) => quarter.label)).toEqual([
      '2023/24 Q4',
      '2024/25 Q1',
      '2024/25 Q2',
      '2024/25 Q3',
      '2024/25 Q4',
      '2025/26 Q1',
      '2025/26 Q2',
      '2025/26 Q3',
    ]);
    expect(quarters[0]).toEqual({ label: '2023/24 Q4', from: '2024-01-01', to: '2024-03-31' });
    expect(quarters[4]?.to).toBe('2025-03-31');
  });
});
