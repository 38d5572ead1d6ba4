import { DateTime } from 'luxon';
import { londonMidnight, londonZone } from './calendar.ts';

export interface LondonPeriod {
  /** First day, 'YYYY-MM-DD' (inclusive). */
  from: string;
  /** Last day, 'YYYY-MM-DD' (inclusive). */
  to: string;
  /** London midnight at the start of `from`. */
  start: Date;
  /** London midnight at the end of `to` (exclusive): an instant is in the period when start ≤ t < end. */
  end: Date;
}

/**
 * A reporting period of whole Europe/London days, both dates inclusive, as the instants that
 * bound it. Throws a RangeError naming the values when a date is not a date or `to` precedes `from`.
 *
 * @example
 * const { start, end } = londonPeriod('2024-04-01', '2025-03-31');
 * start.toISOString(); // → '2024-03-31T23:00:00.000Z' (midnight BST)
 * end.toISOString();   // → '2025-03-31T23:00:00.000Z' (midnight BST starting 1 April 2025)
 */
export function londonPeriod(from: string, to: string): LondonPeriod {
  const start = londonMidnight(from);
  const last = londonMidnight(to);
  if (last.getTime() < start.getTime()) {
    throw new RangeError(`The period ends before it starts: from '${from}' to '${to}'`);
  }
  const end = DateTime.fromJSDate(last, { zone: londonZone }).plus({ days: 1 }).toJSDate();
  return { from, to, start, end };
}
