import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  ageInYears,
  daysBetween,
  elapsedHours,
  isCalendarDate,
  lastCompleteMonthEnd,
  londonDate,
  londonMidnight,
  londonWallClock,
  monthEnd,
  monthStart,
  monthsBetween,
  monthsWithin,
  readableDate,
} from './calendar.ts';
import { reportingQuarterOf } from './reporting-quarters.ts';

describe('London dates and times', () => {
  it('gives the London date of an instant across midnight in summer and winter', () => {
    expect(londonDate(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    expect(londonDate(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
  });

  it('gives the London date on the nights the clocks change', () => {
    // 31 March 2024: 01:00 GMT becomes 02:00 BST; 27 October 2024: 02:00 BST becomes 01:00 GMT.
    expect(londonDate(new Date('2024-03-30T23:59:59Z'))).toBe('2024-03-30');
    expect(londonDate(new Date('2024-03-31T23:00:00Z'))).toBe('2024-04-01');
    expect(londonDate(new Date('2024-10-26T23:00:00Z'))).toBe('2024-10-27');
    expect(londonDate(new Date('2024-10-27T23:59:59Z'))).toBe('2024-10-27');
    expect(londonDate(new Date('2024-10-28T00:00:00Z'))).toBe('2024-10-28');
  });

  it('gives each instant its own day when calls walk across midnights, a clock change among them', () => {
    // londonDate remembers the last day it answered: the next instant may fall just outside it.
    const steps: Array<[string, string]> = [
      ['2024-03-30T12:00:00.000Z', '2024-03-30'],
      ['2024-03-30T23:59:59.999Z', '2024-03-30'],
      ['2024-03-31T00:00:00.000Z', '2024-03-31'],
      ['2024-03-31T22:59:59.999Z', '2024-03-31'],
      ['2024-03-31T23:00:00.000Z', '2024-04-01'],
      ['2024-03-31T22:59:59.999Z', '2024-03-31'],
      ['2024-10-26T22:59:59.999Z', '2024-10-26'],
      ['2024-10-26T23:00:00.000Z', '2024-10-27'],
      ['2024-10-27T23:59:59.999Z', '2024-10-27'],
      ['2024-10-28T00:00:00.000Z', '2024-10-28'],
      ['2024-10-26T23:00:00.000Z', '2024-10-27'],
    ];
    expect(steps.map(([instant]) => londonDate(instant))).toEqual(steps.map(([, date]) => date));
    expect(() => londonDate('not a time')).toThrow("Not an instant: 'not a time'");
  });

  it('starts a London day at 23:00 UTC in summer and 00:00 UTC in winter', () => {
    expect(londonMidnight('2024-04-01').toISOString()).toBe('2024-03-31T23:00:00.000Z');
    expect(londonMidnight('2024-01-01').toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('makes the March change day 23 hours long and the October one 25', () => {
    expect(elapsedHours(londonMidnight('2024-03-31'), londonMidnight('2024-04-01'))).toBe(23);
    expect(elapsedHours(londonMidnight('2024-10-27'), londonMidnight('2024-10-28'))).toBe(25);
    expect(elapsedHours(londonMidnight('2024-07-01'), londonMidnight('2024-07-02'))).toBe(24);
  });

  it('reads a London wall-clock time on the days the clocks change', () => {
    expect(londonWallClock('2024-03-31', 12).toISOString()).toBe('2024-03-31T11:00:00.000Z');
    expect(londonWallClock('2024-10-27', 12).toISOString()).toBe('2024-10-27T12:00:00.000Z');
    // 01:30 happens twice on 27 October: the first (BST) occurrence.
    expect(londonWallClock('2024-10-27', 1.5).toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('refuses what is not a calendar date, naming it', () => {
    expect(() => londonMidnight('2024-02-30')).toThrow("Not a calendar date as YYYY-MM-DD: '2024-02-30'");
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('adds days over month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2028-02-29', -3)).toBe('2025-02-28');
  });

  it('finds the first and last days of months, leap Februaries included', () => {
    expect(monthStart('2024-03-15')).toBe('2024-03-01');
    expect(monthStart('2024-01-15', -1)).toBe('2023-12-01');
    expect(monthStart('2024-11', 2)).toBe('2025-01-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2023-02-10')).toBe('2023-02-28');
  });

  it('lists months between two dates, both included, and month starts within a range', () => {
    expect(monthsBetween('2024-11-20', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2024-05-01', '2024-04-30')).toEqual([]);
    expect(monthsWithin('2024-01-15', '2024-04-01')).toEqual(['2024-02-01', '2024-03-01', '2024-04-01']);
    expect(monthsWithin('2024-01-01', '2024-01-31')).toEqual(['2024-01-01']);
  });
});

describe('ages', () => {
  it('counts a birthday from its day', () => {
    expect(ageInYears('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageInYears('2010-06-15', '2026-06-15')).toBe(16);
  });

  it('makes someone born on 29 February a year older on 1 March in a common year', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('reporting quarters and financial years', () => {
  it('puts April–June in Q1 and January–March in Q4 of the year before', () => {
    expect(reportingQuarterOf('2025-04-01')).toEqual({ label: '2025/26 Q1', from: '2025-04-01', to: '2025-06-30' });
    expect(reportingQuarterOf('2026-03-31')).toEqual({ label: '2025/26 Q4', from: '2026-01-01', to: '2026-03-31' });
    expect(reportingQuarterOf('2024-02-29')).toEqual({ label: '2023/24 Q4', from: '2024-01-01', to: '2024-03-31' });
  });
});

describe('complete months', () => {
  it('ends at the last month that is over, never at the month under way', () => {
    // The data reach 2 December and today is the 4th: December is two days old, not a month.
    expect(lastCompleteMonthEnd('2026-12-02', '2026-12-04')).toBe('2026-11-30');
    // Data that stop inside a month that has ended still count that month.
    expect(lastCompleteMonthEnd('2026-11-28', '2026-12-04')).toBe('2026-11-30');
    // On a month's last day it has not ended yet.
    expect(lastCompleteMonthEnd('2026-11-30', '2026-11-30')).toBe('2026-10-31');
    // Dates after today end at the last month that is over.
    expect(lastCompleteMonthEnd('2027-03-10', '2026-12-04')).toBe('2026-11-30');
    expect(lastCompleteMonthEnd('2024-02-10', '2026-12-04')).toBe('2024-02-29');
  });
});

describe('readable dates', () => {
  it('writes a date as people read it, never as YYYY-MM-DD', () => {
    expect(readableDate('2008-08-03')).toBe('3 Aug 2008');
    expect(readableDate('2024-02-29')).toBe('29 Feb 2024');
  });
});
