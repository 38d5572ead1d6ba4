import { DateTime } from 'luxon';
import { londonZone } from './london-time.ts';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a Europe/London calendar day begins (midnight always exists in London: the clocks
 * change at 01:00 GMT). Throws a RangeError naming the value when it is not a calendar date.
 *
 * @example
 * londonMidnight('2024-04-01').toISOString(); // → '2024-03-31T23:00:00.000Z' (BST)
 * londonMidnight('2024-01-01').toISOString(); // → '2024-01-01T00:00:00.000Z' (GMT)
 */
export function londonMidnight(date: string): Date {
  const day = isoDatePattern.test(date) ? DateTime.fromISO(date, { zone: londonZone }) : null;
  if (day === null || !day.isValid) throw new RangeError(`Not a calendar date as YYYY-MM-DD: '${date}'`);
  return day.toJSDate();
}
