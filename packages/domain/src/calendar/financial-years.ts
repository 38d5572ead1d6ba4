import { addDays, addYears, isCalendarDate } from './calendar.ts';

/** A UK financial year: 1 April to 31 March, both inclusive, as Europe/London dates. */
export interface FinancialYear {
  /** e.g. "2025/26" */
  label: string;
  from: string;
  to: string;
}

/** The financial year starting on 1 April of `startYear`. */
export function financialYearStarting(startYear: number): FinancialYear {
  const year = String(startYear).padStart(4, '0');
  const from = `${year}-04-01`;
  const to = addDays(addYears(from, 1), -1);
  return { label: `${year}/${to.slice(2, 4)}`, from, to };
}

/**
 * The financial year containing a date 'YYYY-MM-DD': January to March belong to the year that
 * began the April before.
 *
 * @example
 * financialYearOf('2026-03-31'); // → { label: '2025/26', from: '2025-04-01', to: '2026-03-31' }
 * financialYearOf('2026-04-01'); // → { label: '2026/27', from: '2026-04-01', to: '2027-03-31' }
 */
export function financialYearOf(date: string): FinancialYear {
  const year = Number(date.slice(0, 4));
  return financialYearStarting(date.slice(5, 7) >= '04' ? year : year - 1);
}

/** Whether the dates `from`–`to` (both inclusive) are exactly one financial year. */
export function isFinancialYear(from: string, to: string): boolean {
  return from.endsWith('-04-01') && isCalendarDate(from) && financialYearOf(from).to === to;
}
