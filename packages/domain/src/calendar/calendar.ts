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
  dateParts(date);
  return DateTime.fromISO(date, { zone: 'utc' }) as DateTime<true>;
}

function isoDateOf(day: DateTime<true>): string {
  return day.toISODate();
}

/*
 * Days and years are added with integer arithmetic on the proleptic Gregorian calendar (what
 * luxon's UTC dates follow): luxon's general path costs some 15 µs a date, and the synthetic
 * generator adds days to dates a few hundred thousand times per county.
 */

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** A date's year, month and day; null when it is not a calendar date written 'YYYY-MM-DD'. */
function parseDate(date: string): DateParts | null {
  if (!datePattern.test(date)) return null;
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : null;
}

/** A date's year, month and day, or a RangeError naming it when it is not a calendar date. */
function dateParts(date: string): DateParts {
  const parts = parseDate(date);
  if (parts === null) throw new RangeError(`Not a calendar date as YYYY-MM-DD: '${date}'`);
  return parts;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 'YYYY-MM-DD' of a year 0-9999, month and day. */
function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from 1970-01-01 to a calendar date. */
function epochDay(date: string): number {
  const { year, month, day } = dateParts(date);
  const at = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / DAY_MS);
}

/** The UTC date 'YYYY-MM-DD' of epoch milliseconds, for years 0000-9999; null outside them. */
function isoDateOfMs(ms: number): string | null {
  const text = new Date(ms).toISOString();
  return text.length === 24 ? text.slice(0, 10) : null;
}

/** The calendar date `days` after 1970-01-01, or null outside years 0000-9999. */
function dateOfEpochDay(days: number): string | null {
  return isoDateOfMs(days * DAY_MS);
}

/** Whether `date` is a real calendar date written 'YYYY-MM-DD' (no 30 February, no year 0000). */
export function isCalendarDate(date: string): boolean {
  return !date.startsWith('0000') && parseDate(date) !== null;
}

/**
 * The Europe/London calendar date of an instant (default: now).
 *
 * @example
 * londonDate(new Date('2024-06-30T23:30:00Z')); // → '2024-07-01' (00:30 BST)
 */
export function londonDate(at: Date | string | number = new Date()): string {
  const ms = (at instanceof Date ? at : new Date(at)).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: '${String(at)}'`);
  // London's date is the UTC date of its wall clock.
  return isoDateOfMs(ms + londonOffsetMs(ms)) ?? (DateTime.fromMillis(ms, { zone: londonZone }).toISODate() as string);
}

/**
 * The instant a Europe/London calendar day begins (midnight always exists in London: the clocks
 * change at 01:00 GMT). Throws a RangeError naming the value when it is not a calendar date.
 *
 * @example
 * londonMidnight('2024-04-01').toISOString(); // → '2024-03-31T23:00:00.000Z' (BST)
 * londonMidnight('2024-01-01').toISOString(); // → '2024-01-01T00:00:00.000Z' (GMT)
 */
export function londonMidnight(date: string): Date {
  let midnight = midnights.get(date);
  if (midnight === undefined) {
    dateParts(date);
    midnight = DateTime.fromISO(date, { zone: londonZone }).toMillis();
    remember(midnights, date, midnight);
  }
  return new Date(midnight);
}

/** London's offset from UTC at an instant, in ms (0 in winter, one hour in summer). */
export function londonOffsetMs(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  // London's clocks have changed on the hour (UTC), at most once a day, since the county took GMT
  // in 1847: a day whose first and last millisecond share an offset has it throughout, and on a
  // day the clocks change each hour has one. Before 1848 every instant is looked up.
  if (!(ms >= greenwichMeanTimeFrom)) return zoneOffsetMs(ms);
  const day = Math.floor(ms / DAY_MS);
  let offset = offsetsByDay.get(day);
  if (offset === undefined) {
    const [first, last] = [zoneOffsetMs(day * DAY_MS), zoneOffsetMs((day + 1) * DAY_MS - 1)];
    offset = first === last ? first : Number.NaN;
    remember(offsetsByDay, day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const hour = Math.floor(ms / HOUR_MS);
  offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    offset = zoneOffsetMs(hour * HOUR_MS);
    remember(offsetsByHour, hour, offset);
  }
  return offset;
}

function zoneOffsetMs(ms: number): number {
  return londonZone.offset(ms) * MINUTE_MS;
}

/*
 * The zone lookups answered so far. The tz database's offset for an instant comes through Intl
 * (luxon formats the instant in the zone and reads the parts back), about 12 µs each; a process
 * asks about the same days again and again (the synthetic generator hundreds of thousands of
 * times, a server about today). Each map is emptied when it grows past its bound.
 */
const midnights = new Map<string, number>();
/** Per UTC day: its offset, or NaN on a day the clocks change. */
const offsetsByDay = new Map<number, number>();
const offsetsByHour = new Map<number, number>();
const rememberedLimit = 50_000;
/** 1848-01-01T00:00:00Z: London kept GMT from 1 December 1847, its last change not on the hour. */
const greenwichMeanTimeFrom = Date.UTC(1848, 0, 1);

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= rememberedLimit) map.clear();
  map.set(key, value);
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
  const ms = typeof at === 'number' ? at : at.getTime();
  const date = Number.isFinite(ms) ? isoDateOfMs(ms) : null;
  if (date !== null) return date;
  const instant = DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: 'utc' });
  if (!instant.isValid) throw new RangeError(`Not an instant: ${String(at)}`);
  return instant.toISODate();
}

/** `date` plus `days` calendar days (negative: before). */
export function addDays(date: string, days: number): string {
  const sum = Number.isInteger(days) ? dateOfEpochDay(epochDay(date) + days) : null;
  return sum ?? isoDateOf(calendarDay(date).plus({ days }));
}

/** The same day and month `years` later (negative: earlier); 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  const { year, month, day } = dateParts(date);
  const later = year + years;
  if (!Number.isInteger(years) || later < 0 || later > 9999) return isoDateOf(calendarDay(date).plus({ years }));
  return formatDate(later, month, Math.min(day, daysInMonth(later, month)));
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
  return epochDay(to) - epochDay(from);
}

/** The first day of the month `months` after the month of `date` (negative: before). */
export function monthStart(date: string, months = 0): string {
  const { year, month } = dateParts(`${date.slice(0, 7)}-01`);
  const index = year * 12 + month - 1 + months;
  if (!Number.isInteger(months) || index < 0 || index >= 120_000) {
    return isoDateOf(calendarDay(`${date.slice(0, 7)}-01`).plus({ months }));
  }
  return formatDate(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The last day of the month of `date` (a date 'YYYY-MM-DD' or a month 'YYYY-MM'). */
export function monthEnd(date: string): string {
  const { year, month } = dateParts(`${date.slice(0, 7)}-01`);
  return formatDate(year, month, daysInMonth(year, month));
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
  const birth = dateParts(dateOfBirth);
  const day = dateParts(on);
  const before = day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return day.year - birth.year - (before ? 1 : 0);
}

/** Real elapsed hours between two instants: a stopwatch, not a wall clock, across clock changes. */
export function elapsedHours(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR_MS;
}
