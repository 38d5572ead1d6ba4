import { type DistrictScope, missingFiguresData, type Transaction } from '@lantern/db';
import type { LondonPeriod } from '@lantern/domain';
import { loadMamThresholds } from './meeting-support.ts';

/**
 * The one loader of what the committee figures are computed from, for `lantern report missing`
 * and the quarterly figures alike: the thresholds in force (refused, not defaulted, when the
 * settings row is gone; see loadMamThresholds), then the episodes reported in the period with
 * the repeat rule's look-back before it, and their children, by home district.
 */
export async function loadReportInput(
  tx: Transaction,
  period: Pick<LondonPeriod, 'start' | 'end'>,
  scope: DistrictScope,
) {
  const thresholds = await loadMamThresholds(tx);
  const { episodes, children } = await missingFiguresData(tx, period.start, period.end, thresholds.windowDays, scope);
  return { thresholds, episodes, children };
}
