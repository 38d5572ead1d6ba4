import type { DistrictScope } from '@lantern/db';
import { computeMissingReport, londonPeriod, type MissingReport } from '@lantern/domain';
import { heavyRead } from '../analytics/heavy-read.ts';
import type { AppContext } from '../context.ts';
import { loadReportInput } from './report-input.ts';

export interface MissingReportQuery {
  /** Europe/London dates, both inclusive. */
  from: string;
  to: string;
  /** Where open episodes end for the 72-hour rule; default the end of the period. */
  asOf?: Date | undefined;
  /** Children by home district; default all (the county committee's figures). */
  scope?: DistrictScope;
}

/**
 * The committee figures for children missing from home and care over any period: what
 * `lantern report missing` prints. The same loader and the same thresholds as the quarterly
 * figures, so the two cannot disagree. A bad period throws the domain's RangeError naming it.
 */
export async function reportMissing(app: AppContext, query: MissingReportQuery): Promise<MissingReport> {
  const period = londonPeriod(query.from, query.to);
  return heavyRead(app, async (tx) => {
    const { thresholds, episodes, children } = await loadReportInput(tx, period, query.scope ?? 'all');
    return computeMissingReport({ from: period.from, to: period.to, asOf: query.asOf, thresholds, episodes, children });
  });
}
