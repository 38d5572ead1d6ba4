import { hotspotEventPoints } from '@lantern/db';
import type { DensityInput } from '@lantern/domain';
import { cellId, quarticKernelDensity } from '@lantern/geo';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { eventQuery, pointsOf, studyAreaGrid } from './hotspot-support.ts';

/** A quartic kernel density surface of one event source over the caller's districts. */
export async function estimateDensity(app: AppContext, access: Access, input: DensityInput) {
  const query = eventQuery(access, input);
  const grid = await studyAreaGrid(app.db.prisma, query.districtCodes, input.cellSize);
  const { x, y, weights } = pointsOf(await hotspotEventPoints(app.db.prisma, query));
  const { density, bandwidth, rule } = quarticKernelDensity(grid, x, y, { bandwidth: input.bandwidth, weights });
  const cells = [];
  for (let i = 0; i < grid.length; i++) {
    const value = density[i] as number;
    if (value > 0) cells.push({ id: cellId(grid, i), x: grid.x[i] as number, y: grid.y[i] as number, density: value });
  }
  return { cell: grid.cellSize, bandwidth, rule, cells };
}
