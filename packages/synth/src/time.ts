/**
 * Date and instant helpers. The reports count by Europe/London calendar dates while instants are
 * stored in UTC, so year boundaries and "the end of the period" are London midnights computed
 * here rather than UTC midnights (the clocks change in late March, right at the year end).
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const londonDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const londonPartsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(date: string): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got '${date}'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Not a calendar date: '${date}'`);
  }
  return { year, month, day };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Calendar arithmetic on 'YYYY-MM-DD' strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  return utcDate(Date.UTC(year, month - 1, day + days));
}

/** The later of two 'YYYY-MM-DD' dates (ISO dates order as strings). */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two 'YYYY-MM-DD' dates. */
export function earlierDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Same day and month `years` later; 29 February falls back to 28 February. */
export function addYears(date: string, years: number): string {
  const { year, month, day } = parseDate(date);
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) return utcDate(Date.UTC(year + years, month - 1, 28));
  return utcDate(target.getTime());
}

/** The UTC calendar date of an epoch-millisecond instant. */
export function utcDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Europe/London calendar date of an instant (ISO string or epoch ms). */
export function londonDate(instant: string | number): string {
  return londonDateFormat.format(new Date(instant));
}

/** Offset of Europe/London from UTC at an instant, in ms (0 in winter, one hour in summer). */
function londonOffsetMs(ms: number): number {
  const parts = londonPartsFormat.formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? '0');
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant at which a Europe/London calendar date begins. */
export function londonMidnight(date: string): number {
  const { year, month, day } = parseDate(date);
  const guess = Date.UTC(year, month - 1, day);
  return guess - londonOffsetMs(guess - londonOffsetMs(guess));
}

/** The instant for a London wall-clock time on a date (hour may be fractional). */
export function londonWallClock(date: string, hour: number): number {
  const midnight = londonMidnight(date);
  const guess = midnight + hour * HOUR_MS;
  // Correct when a clock change happens between midnight and `hour`.
  return guess - (londonOffsetMs(guess) - londonOffsetMs(midnight));
}

/** ISO 8601 with a Z offset, truncated to the whole minute. */
export function isoMinute(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

/** Whole years between a date of birth and a calendar date (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, date: string): number {
  const birth = parseDate(dateOfBirth);
  const on = parseDate(date);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/** The first and last day of three years ending at `periodEnd`. */
export function periodStartFor(periodEnd: string): string {
  return addDays(addYears(periodEnd, -3), 1);
}

/** 'YYYY-MM-01' for every month whose first day lies inside [start, end]. */
export function monthsWithin(start: string, end: string): string[] {
  const from = parseDate(start);
  const months: string[] = [];
  let year = from.year;
  let month = from.month;
  if (from.day !== 1) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  for (;;) {
    const first = `${pad(year, 4)}-${pad(month)}-01`;
    if (first > end) break;
    months.push(first);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
