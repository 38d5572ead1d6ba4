import { addDays, addYears, isCalendarDate, MINUTE_MS } from '@lantern/domain';

/**
 * The generator's own uses of the calendar (packages/domain's calendar does the arithmetic):
 * the three-year period it covers, a valid period end, and instants written to the minute.
 */

/** Refuses a period end that is not a calendar date, naming it. */
export function assertCalendarDate(date: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Expected a date as YYYY-MM-DD, got '${date}'`);
  if (!isCalendarDate(date)) throw new Error(`Not a calendar date: '${date}'`);
}

/** The first day of the three years ending at `periodEnd`. */
export function periodStartFor(periodEnd: string): string {
  return addDays(addYears(periodEnd, -3), 1);
}

/** ISO 8601 with a Z offset, truncated to the whole minute. */
export function isoMinute(ms: number): string {
  return new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString();
}
