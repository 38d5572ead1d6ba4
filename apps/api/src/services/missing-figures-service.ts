import type { Access } from '@lantern/app';
import { auditEvent } from '@lantern/app';
import {
  appendAudit,
  childrenMissingMost,
  foundPlacesMost,
  getMissingThresholds,
  missingFiguresData,
} from '@lantern/db';
import {
  AppError,
  computeMissingReport,
  inScope,
  lastReportingQuarters,
  londonDate,
  londonPeriod,
  type MultipleMissingInput,
  type QuarterFigures,
  type QuarterlyFiguresInput,
} from '@lantern/domain';
import type { Context } from '../context.ts';
import { childrenOf } from './missing-episodes-service.ts';
import { mamThresholdsOf } from './missing-meetings-service.ts';

const QUARTERS = 8;

/**
 * The committee figures (5a's computeMissingReport, the admin's MAM thresholds) for each of the
 * last eight quarters, over the children of the caller's districts. A quarter not yet over is
 * computed as at now, so an open episode counts the hours it has lasted so far.
 */
export async function quarterlyFiguresService(
  ctx: Context,
  access: Access,
  input: QuarterlyFiguresInput,
  now: Date = new Date(),
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const thresholds = mamThresholdsOf(await getMissingThresholds(tx));
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
    const data = await missingFiguresData(tx, first, last, thresholds.windowDays, scope);
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

/** The Multiple Missing and Hotspots panel: who goes missing most, and where children are found. */
export async function multipleMissingService(ctx: Context, access: Access, input: MultipleMissingInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const { start, end } = londonPeriod(input.from, input.to);
    const frequent = await childrenMissingMost(tx, start, end, input.limit, access.scope);
    const places = await foundPlacesMost(tx, start, end, 150, 20, access.scope);
    const child = await childrenOf(
      tx,
      access,
      frequent.map((row) => row.personId),
    );
    await appendAudit(
      tx,
      auditEvent(
        access,
        'search',
        { type: 'person', ids: frequent.map((row) => row.personId) },
        { details: { criteria: input } },
      ),
    );
    return {
      children: frequent.map((row) => ({
        child: child(row.personId),
        episodes: row.episodes,
        lastReportedAt: row.lastReportedAt.toISOString(),
        foundLocationTypes: row.foundLocationTypes,
      })),
      foundPlaces: places,
    };
  });
}
