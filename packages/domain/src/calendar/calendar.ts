import { DateTime, IANAZone } from 'luxon';

/**
 * Lantern's calendar, on luxon: the one place dates and times are worked out. The county counts
 * by Europe/London calendar dates while instants are stored in UTC, so a day starts at London
 * midnight (23:00 UTC in summer) and a day with a clock change lasts 23 or 25 hours. Dates are
 * 'YYYY-MM-DD' strings, months 'YYYY-MM', instants `Date`s. Calendar arithmetic on dates (adding
 * days, months, years) involves no zone at all.
 */
export const LONDON_TIME_ZONE = 'Europe/London';

/** luxon's zone (tz database through Intl): its offset at any instant, in minutes east of UTC. */
export const londonZone = IANAZone.create(LONDON_TIME_ZONE);

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const monthPattern = /^\d{4}-\d{2}$/;

/** A date as luxon's date in UTC (the carrier for zone-free calendar arithmetic), or a RangeError. */
function calendarDay(date: string): DateTime<true> {
  const day = datePattern.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (day === null || !day.isValid) throw new RangeError(`Not a calendar date as YYYY-MM-DD: '${date}'`);
  return day;
}

function isoDateOf(day: DateTime<true>): string {
  return day.toISODate();
}

/** Whether `date` is a real calendar date written 'YYYY-MM-DD' (no 30 February, no year 0000). */
export function isCalendarDate(date: string): boolean {
  if (!datePattern.test(date) || date.startsWith('0000')) return false;
  return DateTime.fromISO(date, { zone: 'utc' }).isValid;
}

/**
 * The Europe/London calendar date of an instant (default: now).
 *
 * @example
 * londonDate(new Date('2024-06-30T23:30:00Z')); // → '2024-07-01' (00:30 BST)
 */
export function londonDate(at: Date | string | number = new Date()): string {
  const ms = (at instanceof Date ? at : new Date(at)).getTime();
  // Most calls ask about the same day as the last (every request asks about today): answered from
  // that day's span without the zone lookup, which is most of the cost.
  if (ms >= lastDay.start && ms < lastDay.end) return lastDay.date;
  const instant = DateTime.fromMillis(ms, { zone: londonZone });
  if (!instant.isValid) throw new RangeError(`Not an instant: '${String(at)}'`);
  const start = instant.startOf('day');
  lastDay = { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis(), date: instant.toISODate() };
  return lastDay.date;
}

/** The London day `londonDate` last answered, as the instants [start, end) it spans. */
let lastDay = { start: 0, end: 0, date: '' };

/**
 * The instant a Europe/London calendar day begins (midnight always exists in London: the clocks
 * change at 01:00 GMT). Throws a RangeError naming the value when it is not a calendar date.
 *
 * @example
 * londonMidnight('2024-04-01').toISOString(); // → '2024-03-31T23:00:00.000Z' (BST)
 * londonMidnight('2024-01-01').toISOString(); // → '2024-01-01T00:00:00.000Z' (GMT)
 */
export function londonMidnight(date: string): Date {
  const day = datePattern.test(date) ? DateTime.fromISO(date, { zone: londonZone }) : null;
  if (day === null || !day.isValid) throw new RangeError(`Not a calendar date as YYYY-MM-DD: '${date}'`);
  return day.toJSDate();
}

/** London's offset from UTC at an instant, in ms (0 in winter, one hour in summer). */
export function londonOffsetMs(at: Date | number): number {
  return londonZone.offset(typeof at === 'number' ? at : at.getTime()) * MINUTE_MS;
}

/**
 * The instant a London clock reads `hour` (fractional: 9.5 is 09:30) on `date`. On the day the
 * clocks go forward an hour that does not exist (01:00–01:59) lands an hour early, at the same
 * distance from midnight as on a normal day; on the day they go back the first occurrence is used.
 *
 * @example
 * londonWallClock('2024-07-01', 9.25).toISOString(); // → '2024-07-01T08:15:00.000Z'
 */
export function londonWallClock(date: string, hour: number): Date {
  return new Date(londonWallClockMs(date, hour));
}

/**
 * `londonWallClock` as epoch milliseconds, unrounded: a fractional hour can give a fraction of a
 * millisecond, which a `Date` would drop (the synthetic generator relies on the exact value).
 */
export function londonWallClockMs(date: string, hour: number): number {
  const midnight = londonMidnight(date).getTime();
  const guess = midnight + hour * HOUR_MS;
  return guess - (londonOffsetMs(guess) - londonOffsetMs(midnight));
}

/** The UTC calendar date of an instant. */
export function utcDate(at: Date | number): string {
  const instant = DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: 'utc' });
  if (!instant.isValid) throw new RangeError(`Not an instant: ${String(at)}`);
  return instant.toISODate();
}

/** `date` plus `days` calendar days (negative: before). */
export function addDays(date: string, days: number): string {
  return isoDateOf(calendarDay(date).plus({ days }));
}

/** The same day and month `years` later (negative: earlier); 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  return isoDateOf(calendarDay(date).plus({ years }));
}

/** The later of two dates (dates written 'YYYY-MM-DD' order as strings). */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function earlierDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(calendarDay(to).diff(calendarDay(from), 'days').days);
}

/** The first day of the month `months` after the month of `date` (negative: before). */
export function monthStart(date: string, months = 0): string {
  return isoDateOf(calendarDay(`${date.slice(0, 7)}-01`).plus({ months }));
}

/** The last day of the month of `date` (a date 'YYYY-MM-DD' or a month 'YYYY-MM'). */
export function monthEnd(date: string): string {
  return isoDateOf(calendarDay(`${date.slice(0, 7)}-01`).endOf('month'));
}

/** The months 'YYYY-MM' from the month of `from` to the month of `to`, both included (none if `to` is earlier). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const last = to.slice(0, 7);
  for (let month = monthStart(from); month.slice(0, 7) <= last; month = monthStart(month, 1)) {
    months.push(month.slice(0, 7));
  }
  return months;
}

/**
 * The last day of the latest month that has ended by `today` and does not lie after the month of
 * `date`: the end of the last complete month of data that runs to `date`.
 *
 * @example
 * lastCompleteMonthEnd('2026-12-02', '2026-12-04'); // → '2026-11-30' (December is under way)
 * lastCompleteMonthEnd('2026-11-28', '2026-12-04'); // → '2026-11-30' (November has ended)
 */
export function lastCompleteMonthEnd(date: string, today: string): string {
  const end = monthEnd(date);
  return end < today ? end : addDays(monthStart(earlierDate(date, today)), -1);
}

/**
 * A calendar date as people read it in text the server writes (a reason, a note): "3 Aug 2008".
 *
 * @example
 * readableDate('2008-08-03'); // → '3 Aug 2008'
 */
export function readableDate(date: string): string {
  return calendarDay(date).setLocale('en-GB').toFormat('d LLL yyyy');
}

/** 'YYYY-MM-01' for every month whose first day lies in [start, end]. */
export function monthsWithin(start: string, end: string): string[] {
  const first = start.endsWith('-01') ? calendarDay(start).toISODate() : monthStart(start, 1);
  const months: string[] = [];
  for (let month = first; month <= end; month = monthStart(month, 1)) months.push(month);
  return months;
}

/** Whether a string is a month written 'YYYY-MM'. */
export function isMonth(month: string): boolean {
  return monthPattern.test(month) && isCalendarDate(`${month}-01`);
}

/**
 * Age in whole years on a date: a birthday counts from its day, and someone born on 29 February
 * turns a year older on 1 March in a common year.
 *
 * @example
 * ageInYears('2010-06-15', '2026-06-14'); // → 15
 * ageInYears('2010-06-15', '2026-06-15'); // → 16
 */
export function ageInYears(dateOfBirth: string, on: string): number {
  const birth = calendarDay(dateOfBirth);
  const day = calendarDay(on);
  const before = day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return day.year - birth.year - (before ? 1 : 0);
}

/** Real elapsed hours between two instants: a stopwatch, not a wall clock, across clock changes. */
export function elapsedHours(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR_MS;
}
