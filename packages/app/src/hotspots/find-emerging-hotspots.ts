import { hotspotEventPoints } from '@lantern/db';
import { AppError, type EmergingInput, monthsBetween } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { runHotspotWork } from '../analytics/analytics-pool.ts';
import { heavyRead } from '../analytics/heavy-read.ts';
import type { emergingWork } from '../analytics/hotspot-work.ts';
import { assertWithinBudget } from '../analytics/work-budget.ts';
import type { AppContext } from '../context.ts';
import { countView, eventQuery, pointsOf, studyArea } from './hotspot-support.ts';

/** Emerging hot-spot patterns: Gi* per month and the Mann–Kendall trend of each cell. */
export async function findEmergingHotspots(app: AppContext, access: Access, input: EmergingInput) {
  const months = monthsBetween(input.from, input.to);
  if (months.length < 3 || months.length > 120) {
    throw new AppError(
      'BAD_INPUT',
      `to: ${input.from} to ${input.to} spans ${months.length} months; emerging hot spots need 3 to 120`,
    );
  }
  return withAnalysisSlot(access, async () => {
    const query = eventQuery(access, input);
    const { area, rows } = await heavyRead(app, async (tx) => {
      const area = await studyArea(tx, query.districtCodes);
      assertWithinBudget(area, { cellSize: input.cellSize, band: input.band, slices: months.length });
      return { area, rows: await hotspotEventPoints(tx, query, true) };
    });
    const inMonths = rows.filter((row) => row.month !== null && months.includes(row.month));
    const slices = months.map((month) => pointsOf(inMonths.filter((row) => row.month === month)));
    const { cell, cells } = await runHotspotWork<ReturnType<typeof emergingWork>>(
      {
        kind: 'emerging',
        area,
        cellSize: input.cellSize,
        band: input.band,
        fdr: input.fdr,
        slices,
      },
      app.signal,
    );
    return { cell, band: input.band, months, events: countView(access, input.source)(inMonths.length), cells };
  });
}
