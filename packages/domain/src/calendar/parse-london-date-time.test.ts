import { describe, expect, it } from 'vitest';
import { parseLondonDateTime } from './parse-london-date-time.ts';

const instantOf = (text: string) => {
  const parsed = parseLondonDateTime(text);
  return parsed.ok ? parsed.instant.toISOString() : parsed.message;
};

describe('parseLondonDateTime', () => {
  it('reads a time without an offset as London time (BST in summer, GMT in winter)', () => {
    expect(instantOf('2024-07-01T09:15')).toBe('2024-07-01T08:15:00.000Z');
    expect(instantOf('2024-01-15 09:15:30')).toBe('2024-01-15T09:15:30.000Z');
  });

  it('keeps an explicit offset', () => {
    expect(instantOf('2024-07-01T09:15:00Z')).toBe('2024-07-01T09:15:00.000Z');
    expect(instantOf('2024-07-01T09:15:00+01:00')).toBe('2024-07-01T08:15:00.000Z');
    expect(instantOf('2024-07-01T09:15:00.250-0230')).toBe('2024-07-01T11:45:00.250Z');
    expect(instantOf('2024-07-01T09:15+02')).toBe('2024-07-01T07:15:00.000Z');
  });

  it('takes the first (BST) occurrence of a time the October change repeats', () => {
    // 01:30 on 27 Oct 2024 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(instantOf('2024-10-27T01:30')).toBe('2024-10-27T00:30:00.000Z');
    expect(instantOf('2024-10-27T02:00')).toBe('2024-10-27T02:00:00.000Z');
  });

  it('refuses a time the March change skips', () => {
    expect(instantOf('2024-03-31T01:30')).toBe(
      'is a London time that did not exist (the clocks went forward); add the offset, e.g. +01:00',
    );
    expect(instantOf('2024-03-31T02:00')).toBe('2024-03-31T01:00:00.000Z');
    expect(instantOf('2024-03-31T00:59')).toBe('2024-03-31T00:59:00.000Z');
  });

  it('refuses what is not a date-time, or not a calendar date', () => {
    expect(instantOf('2024-07-01')).toBe(
      'must be an ISO 8601 date-time such as 2024-07-01T09:15 or 2024-07-01T09:15:00Z',
    );
    expect(instantOf('01/07/2024 09:15')).toMatch(/^must be an ISO 8601 date-time/);
    expect(instantOf('2024-02-30T10:00')).toMatch(/^is not a valid date-time \(you specified 30/);
    expect(instantOf('2024-07-01T25:00Z')).toMatch(/^is not a valid date-time/);
  });
});
