import {
  addDays,
  daysBetween,
  isCalendarDate,
  lastCompleteMonthEnd,
  monthEnd,
  monthStart,
  type ProfileTerms,
} from '@lantern/domain';

export type Period = Pick<ProfileTerms, 'from' | 'to'>;

/** The last twelve months that have ended by `today`: on 4 Dec 2026, 1 Dec 2025 to 30 Nov 2026. */
export function lastTwelveCompleteMonths(today: string): Period {
  const to = lastCompleteMonthEnd(today, today);
  return { from: monthStart(to, -11), to };
}

/** The last calendar year that has ended by `today`. */
export function lastCompleteYear(today: string): Period {
  const year = Number(today.slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The same length of time just before a period: whole months when the period is whole months,
 * else the same number of days. Null while the period is not yet two dates in order.
 *
 * @example
 * comparisonFor({ from: '2025-12-01', to: '2026-11-30' }); // → { from: '2024-12-01', to: '2025-11-30' }
 */
export function comparisonFor({ from, to }: Period): Period | null {
  if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) return null;
  const wholeMonths = from.endsWith('-01') && to === monthEnd(to);
  if (wholeMonths) {
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    return { from: monthStart(from, -months), to: addDays(from, -1) };
  }
  const days = daysBetween(from, to);
  return { from: addDays(from, -days - 1), to: addDays(from, -1) };
}
