import { describe, expect, it } from 'vitest';
import { londonMidnight } from './calendar.ts';
import { londonPeriod } from './london-period.ts';

describe('londonPeriod', () => {
  it('bounds a financial year by London midnights (BST at both ends)', () => {
    const period = londonPeriod('2024-04-01', '2025-03-31');
    expect(period.start.toISOString()).toBe('2024-03-31T23:00:00.000Z');
    expect(period.end.toISOString()).toBe('2025-03-31T23:00:00.000Z');
  });

  it('bounds a winter quarter by GMT midnights', () => {
    const period = londonPeriod('2024-01-01', '2024-03-30');
    expect(period.start.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    // 31 March 2024 begins at 00:00 GMT; the clocks change at 01:00 GMT that morning.
    expect(period.end.toISOString()).toBe('2024-03-31T00:00:00.000Z');
  });

  it('is a single day when from equals to, 23 hours long on the March change day', () => {
    const period = londonPeriod('2024-03-31', '2024-03-31');
    expect(period.end.getTime() - period.start.getTime()).toBe(23 * 3_600_000);
  });

  it('refuses a period that ends before it starts, naming both dates', () => {
    expect(() => londonPeriod('2024-04-02', '2024-04-01')).toThrow(
      "The period ends before it starts: from '2024-04-02' to '2024-04-01'",
    );
  });

  it('refuses a date that is not a calendar date, naming it', () => {
    expect(() => londonPeriod('2024-02-30', '2024-03-01')).toThrow("Not a calendar date as YYYY-MM-DD: '2024-02-30'");
    expect(() => londonMidnight('1/4/2024')).toThrow("Not a calendar date as YYYY-MM-DD: '1/4/2024'");
  });
});
