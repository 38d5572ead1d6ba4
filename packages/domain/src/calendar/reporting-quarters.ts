import { monthEnd } from './calendar.ts';
import { financialYearStarting } from './financial-years.ts';

/**
 * The county's reporting quarters: financial-year quarters (Q1 April–June … Q4 January–March),
 * as Europe/London dates, both inclusive, the way the committee reads its figures.
 */
export interface ReportingQuarter {
  /** e.g. "2025/26 Q3" */
  label: string;
  from: string;
  to: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The quarter containing a London date 'YYYY-MM-DD'. */
export function reportingQuarterOf(date: string): ReportingQuarter {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const firstMonth = month - ((month - 1) % 3);
  return quarterStarting(year, firstMonth);
}

function quarterStarting(year: number, firstMonth: number): ReportingQuarter {
  const lastMonth = firstMonth + 2;
  const financialYear = financialYearStarting(firstMonth >= 4 ? year : year - 1);
  const number = firstMonth >= 4 ? (firstMonth - 1) / 3 : 4;
  return {
    label: `${financialYear.label} Q${number}`,
    from: `${year}-${pad(firstMonth)}-01`,
    to: monthEnd(`${year}-${pad(lastMonth)}`),
  };
}

/**
 * The `count` quarters ending with the one containing `date`, oldest first.
 *
 * @example
 * lastReportingQuarters('2025-11-22', 2).map((q) => q.label); // → ['2025/26 Q2', '2025/26 Q3']
 */
export function lastReportingQuarters(date: string, count: number): ReportingQuarter[] {
  const current = reportingQuarterOf(date);
  const [year, month] = current.from.split('-').map(Number) as [number, number];
  const quarters: ReportingQuarter[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back * 3;
    quarters.push(quarterStarting(Math.floor(index / 12), (index % 12) + 1));
  }
  return quarters;
}
