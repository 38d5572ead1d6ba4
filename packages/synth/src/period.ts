/**
 * The three years a dataset covers. With the default end (31 March) they are financial years,
 * the unit the annual reports use; each year is bounded by London midnights.
 */
import { addDays, addYears, londonMidnight } from '@lantern/domain';
import { periodStartFor } from './time.ts';

export interface ReportingYear {
  index: number;
  /** First day, 'YYYY-MM-DD'. */
  start: string;
  /** Last day (inclusive), 'YYYY-MM-DD'. */
  end: string;
  startMs: number;
  /** Exclusive end instant. */
  endMs: number;
}

export interface Period {
  start: string;
  end: string;
  startMs: number;
  /** The dataset's 'as of' instant: the end of the last day. */
  endMs: number;
  years: ReportingYear[];
}

export function buildPeriod(periodEnd: string): Period {
  const start = periodStartFor(periodEnd);
  const years = [0, 1, 2].map((index) => {
    const yearStart = addYears(start, index);
    const nextStart = index === 2 ? addDays(periodEnd, 1) : addYears(start, index + 1);
    return {
      index,
      start: yearStart,
      end: addDays(nextStart, -1),
      startMs: londonMidnight(yearStart).getTime(),
      endMs: londonMidnight(nextStart).getTime(),
    };
  });
  return {
    start,
    end: periodEnd,
    startMs: londonMidnight(start).getTime(),
    endMs: londonMidnight(addDays(periodEnd, 1)).getTime(),
    years,
  };
}
