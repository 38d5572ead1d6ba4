import {
  addDays,
  addYears,
  ageInYears,
  daysBetween,
  isCalendarDate,
  londonDate,
  londonMidnight,
  londonOffsetMs,
  monthEnd,
  monthStart,
  utcDate,
} from '@lantern/domain';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

/*
 * The calendar adds days and years with integer arithmetic and remembers London's offsets by the
 * hour; luxon's general path, which it used for all of them before, is the reference here.
 */

const utc = (date: string) => DateTime.fromISO(date, { zone: 'utc' }) as DateTime<true>;
const london = 'Europe/London';

/** A calendar date 'YYYY-MM-DD' in years 1800-2199. */
const date = fc
  .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((at) => at.toISOString().slice(0, 10));
/** An instant from 1850 to 2100, often near the hours London's clocks change. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }),
  fc
    .tuple(fc.integer({ min: 1972, max: 2037 }), fc.constantFrom(2, 9), fc.integer({ min: -90, max: 90 }))
    .map(([year, month, minutes]) => {
      // The last Sunday of March or October, 01:00 UTC, give or take an hour and a half.
      const last = new Date(Date.UTC(year, month + 1, 0, 1));
      return last.getTime() - last.getUTCDay() * 86_400_000 + minutes * 60_000;
    }),
);

describe('calendar arithmetic against luxon', () => {
  it('adds days, counts the days between two dates and adds years as luxon does', () => {
    fc.assert(
      fc.property(
        date,
        date,
        fc.integer({ min: -40_000, max: 40_000 }),
        fc.integer({ min: -150, max: 150 }),
        (a, b, days, years) => {
          expect(addDays(a, days)).toBe(utc(a).plus({ days }).toISODate());
          expect(daysBetween(a, b)).toBe(Math.round(utc(b).diff(utc(a), 'days').days));
          expect(addYears(a, years)).toBe(utc(a).plus({ years }).toISODate());
        },
      ),
      { numRuns: 2_000 },
    );
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(monthEnd('2100-02')).toBe('2100-02-28');
    expect(monthEnd('2000-02')).toBe('2000-02-29');
  });

  it('finds month starts and ends, and ages, as luxon does', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -2_000, max: 2_000 }), (a, b, months) => {
        const first = utc(`${a.slice(0, 7)}-01`);
        expect(monthStart(a, months)).toBe(first.plus({ months }).toISODate());
        expect(monthEnd(a)).toBe(first.endOf('month').toISODate());
        expect(monthEnd(a.slice(0, 7))).toBe(first.endOf('month').toISODate());
        const [birth, on] = a < b ? [a, b] : [b, a];
        expect(ageInYears(birth, on)).toBe(Math.floor(utc(on).diff(utc(birth), 'years').years));
      }),
      { numRuns: 2_000 },
    );
  });

  it('tells calendar dates from strings that only look like them', () => {
    const candidate = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(candidate, (text) => {
        expect(isCalendarDate(text)).toBe(DateTime.fromISO(text, { zone: 'utc' }).isValid);
      }),
      { numRuns: 2_000 },
    );
    expect(isCalendarDate('2000-02-29')).toBe(true);
    for (const text of [
      '1900-02-29',
      '2100-02-29',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '0000-01-01',
      '2024-1-01',
    ]) {
      expect(isCalendarDate(text), text).toBe(false);
    }
    expect(() => addDays('2023-02-29', 1)).toThrow("Not a calendar date as YYYY-MM-DD: '2023-02-29'");
    expect(() => monthEnd('2024-13')).toThrow("Not a calendar date as YYYY-MM-DD: '2024-13-01'");
    expect(() => ageInYears('2010-06-31', '2024-01-01')).toThrow("'2010-06-31'");
  });

  it("gives London's offset, date and midnight as the tz database does, also when asked again", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const zoned = DateTime.fromMillis(ms, { zone: london });
        // Each twice: the second answer comes from what the first remembered.
        for (let ask = 0; ask < 2; ask++) {
          expect(londonOffsetMs(ms)).toBe(zoned.offset * 60_000);
          expect(londonDate(new Date(ms))).toBe(zoned.toISODate());
          expect(utcDate(ms)).toBe(DateTime.fromMillis(ms, { zone: 'utc' }).toISODate());
          expect(londonMidnight(zoned.toISODate() as string).getTime()).toBe(zoned.startOf('day').toMillis());
        }
      }),
      { numRuns: 3_000 },
    );
    // Either side of the hour the clocks went forward (31 March 2024, 01:00 UTC) and back.
    expect(londonOffsetMs(Date.parse('2024-03-31T00:59:59.999Z'))).toBe(0);
    expect(londonOffsetMs(Date.parse('2024-03-31T01:00:00.000Z'))).toBe(3_600_000);
    expect(londonOffsetMs(Date.parse('2024-10-27T00:59:59.999Z'))).toBe(3_600_000);
    expect(londonOffsetMs(Date.parse('2024-10-27T01:00:00.000Z'))).toBe(0);
    expect(() => londonDate('not a date')).toThrow("Not an instant: 'not a date'");
  });
});
