import { addYears, DAY_MS, isCalendarDate, londonDate } from './calendar.ts';

/**
 * The dates Lantern accepts, in one place for every procedure and every import. Nothing Lantern
 * records happened before 2000 (the partnership's records start long after), no event is
 * recorded before it happens (a day's grace for clocks and time zones), a date of birth is in the
 * past, and a planned date (a meeting, an action due, a review) is at most ten years ahead. A
 * query's dates may range wider, 1900 to 2100, so a search never fails on a plausible date.
 */
export const dateBounds = {
  earliestEvent: '2000-01-01',
  earliestBirth: '1900-01-01',
  plannedYearsAhead: 10,
  queryFrom: '1900-01-01',
  queryTo: '2100-12-31',
} as const;

/** What is wrong with an event's instant (reported, occurred, held, completed), or null. */
export function eventInstantProblem(at: Date, now: Date = new Date()): string | null {
  // The instant's form is the schema's to refuse; these rules only bound real instants.
  if (Number.isNaN(at.getTime())) return null;
  if (at.getTime() < Date.parse(`${dateBounds.earliestEvent}T00:00:00Z`)) {
    return `must not be before ${dateBounds.earliestEvent}`;
  }
  if (at.getTime() > now.getTime() + DAY_MS) return 'must not be in the future';
  return null;
}

/** What is wrong with a date of birth, or null. */
export function birthDateProblem(date: string, today: string = londonDate()): string | null {
  // The date's form is the schema's to refuse; these rules only bound real dates.
  if (!isCalendarDate(date)) return null;
  if (date < dateBounds.earliestBirth) return `must not be before ${dateBounds.earliestBirth}`;
  if (date > today) return 'must not be in the future';
  return null;
}

/** What is wrong with a planned or recorded date (a meeting, a due date, a period of concern), or null. */
export function plannedDateProblem(date: string, today: string = londonDate()): string | null {
  if (!isCalendarDate(date)) return null;
  if (date < dateBounds.earliestEvent) return `must not be before ${dateBounds.earliestEvent}`;
  const latest = addYears(today, dateBounds.plannedYearsAhead);
  if (date > latest) return `must not be after ${latest} (${dateBounds.plannedYearsAhead} years ahead)`;
  return null;
}

/** What is wrong with a date in a query (a period to report or map), or null. */
export function queryDateProblem(date: string): string | null {
  if (!isCalendarDate(date)) return null;
  if (date < dateBounds.queryFrom || date > dateBounds.queryTo) {
    return `must be between ${dateBounds.queryFrom} and ${dateBounds.queryTo}`;
  }
  return null;
}
