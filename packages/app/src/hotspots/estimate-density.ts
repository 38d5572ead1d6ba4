import { hotspotEventPoints } from '@lantern/db';
import { AppError, type DensityInput } from '@lantern/domain';
import type { Access } from '../access/access.ts';
import { withAnalysisSlot } from '../analytics/analysis-slots.ts';
import { runHotspotWork } from '../analytics/analytics-pool.ts';
import { heavyRead } from '../analytics/heavy-read.ts';
import type { densityWork } from '../analytics/hotspot-work.ts';
import { assertWithinBudget } from '../analytics/work-budget.ts';
import type { AppContext } from '../context.ts';
import { countView, eventQuery, pointsOf, studyArea } from './hotspot-support.ts';

/** Kernel evaluations (points × cells under each kernel) a density surface may cost. */
const maxKernelEvaluations = 200_000_000;

/** A quartic kernel density surface of one event source over the caller's districts. */
export async function estimateDensity(app: AppContext, access: Access, input: DensityInput) {
  return withAnalysisSlot(access, async () => {
    const query = eventQuery(access, input);
    const { area, points } = await heavyRead(app, async (tx) => {
      const area = await studyArea(tx, query.districtCodes);
      assertWithinBudget(area, { cellSize: input.cellSize });
      return { area, points: pointsOf(await hotspotEventPoints(tx, query)) };
    });
    if (input.bandwidth !== undefined) {
      const evaluations = points.x.length * Math.PI * (input.bandwidth / input.cellSize) ** 2;
      if (evaluations > maxKernelEvaluations) {
        throw new AppError(
          'BAD_INPUT',
          `bandwidth: ${input.bandwidth} m over ${input.cellSize} m cells for ${points.x.length.toLocaleString('en-GB')} events is too much work; use a smaller bandwidth or larger cells`,
        );
      }
    }
    const surface = await runHotspotWork<ReturnType<typeof densityWork>>(
      {
        kind: 'density',
        area,
        cellSize: input.cellSize,
        bandwidth: input.bandwidth,
        ...points,
      },
      app.signal,
    );
    return { ...surface, events: countView(access, input.source)(points.x.length) };
  });
}
