import { hotspotEventPoints } from '@lantern/db';
import { AppError, type EmergingInput, monthsBetween } from '@lantern/domain';
import { cellId, countPointsInCells, distanceBandNeighbours, emergingHotSpots } from '@lantern/geo';
import type { Access } from '../access/access.ts';
import type { AppContext } from '../context.ts';
import { eventQuery, pointsOf, studyAreaGrid } from './hotspot-support.ts';

/** Calendar months from `from` to `to` inclusive, as YYYY-MM. */

/** Emerging hot-spot patterns: Gi* per month and the Mann–Kendall trend of each cell. */
export async function findEmergingHotspots(app: AppContext, access: Access, input: EmergingInput) {
  const months = monthsBetween(input.from, input.to);
  if (months.length < 3 || months.length > 120) {
    throw new AppError(
      'BAD_INPUT',
      `to: ${input.from} to ${input.to} spans ${months.length} months; emerging hot spots need 3 to 120`,
    );
  }
  const query = eventQuery(access, input);
  const grid = await studyAreaGrid(app.db.prisma, query.districtCodes, input.cellSize);
  const rows = await hotspotEventPoints(app.db.prisma, query, true);
  const slices = months.map((month) => {
    const { x, y, weights } = pointsOf(rows.filter((row) => row.month === month));
    return countPointsInCells(grid, x, y, weights).counts;
  });
  const neighbours = distanceBandNeighbours(grid, input.band);
  const patterns = emergingHotSpots(slices, neighbours, { fdr: input.fdr });
  const cells = [];
  for (const [i, cell] of patterns.entries()) {
    if (cell.pattern === null || cell.kind === null) continue;
    cells.push({
      id: cellId(grid, i),
      x: grid.x[i] as number,
      y: grid.y[i] as number,
      ...cell,
      pattern: cell.pattern,
      kind: cell.kind,
    });
  }
  return { cell: grid.cellSize, band: input.band, months, cells };
}
