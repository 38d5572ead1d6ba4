import {
  AppError,
  computeMissingReport,
  inScope,
  lastReportingQuarters,
  londonDate,
  londonPeriod,
  type QuarterFigures,
  type QuarterlyFiguresInput,
} from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { heavyRead } from '../analytics/heavy-read.ts';
import type { AppContext } from '../context.ts';
import { loadReportInput } from './report-input.ts';

const QUARTERS = 8;

/**
 * The committee figures (5a's computeMissingReport, the admin's MAM thresholds) for each of the
 * last eight quarters, over the children of the caller's districts. A quarter not yet over is
 * computed as at now, so an open episode counts the hours it has lasted so far.
 */
export async function computeQuarterlyFigures(
  app: AppContext,
  access: Access,
  input: QuarterlyFiguresInput,
  now: Date = new Date(),
) {
  return heavyRead(app, async (tx) => {
    const quarters = lastReportingQuarters(input.asOf ?? londonDate(now), QUARTERS).map((quarter) => ({
      ...quarter,
      period: londonPeriod(quarter.from, quarter.to),
    }));
    const first = quarters[0]?.period.start ?? now;
    const last = quarters.at(-1)?.period.end ?? now;
    if (input.districtCode && !inScope(access.scope, input.districtCode)) {
      throw new AppError('FORBIDDEN', `districtCode: ${input.districtCode} is outside your districts`);
    }
    const scope = input.districtCode ? [input.districtCode] : access.scope;
    const { thresholds, ...data } = await loadReportInput(tx, { start: first, end: last }, scope);
    const figures: QuarterFigures[] = quarters.map(({ label, from, to, period }) => {
      const partial = period.end.getTime() > now.getTime();
      const inQuarter = new Set(
        data.episodes
          .filter((episode) => episode.reportedAt >= period.start && episode.reportedAt < period.end)
          .map((episode) => episode.personId),
      );
      return {
        label,
        from,
        to,
        partial,
        report: computeMissingReport({
          from,
          to,
          asOf: partial ? now : period.end,
          thresholds,
          episodes: data.episodes.filter((episode) => episode.reportedAt < period.end),
          children: data.children.filter((child) => inQuarter.has(child.id)),
        }),
      };
    });
    return { quarters: figures };
  });
}
