import {
  cellId,
  countPointsInCells,
  distanceBandNeighbours,
  emergingHotSpots,
  type HotspotResult,
  hotspotCells,
  permutationGiStar,
  quarticKernelDensity,
  type SquareGrid,
  type StudyArea,
  squareGrid,
} from '@lantern/geo';

/**
 * The CPU-heavy half of the hot-spot analyses, run in the analytics worker pool so the server's
 * event loop stays free (analytics-pool.ts). Inputs and outputs are plain data and typed arrays:
 * the study area's polygons in EPSG:27700 and the events' projected points, both loaded from the
 * database by the use case before the work starts. Nothing here touches the database or a caller.
 */
export interface Points {
  x: Float64Array;
  y: Float64Array;
  weights: Float64Array;
}

export interface GiStarWork extends Points {
  kind: 'gi-star';
  area: StudyArea;
  cellSize: number;
  band: number;
  fdr: boolean;
  permutations?: number | undefined;
  seed?: number | undefined;
}

export interface DensityWork extends Points {
  kind: 'density';
  area: StudyArea;
  cellSize: number;
  bandwidth?: number | undefined;
}

export interface EmergingWork {
  kind: 'emerging';
  area: StudyArea;
  cellSize: number;
  band: number;
  fdr: boolean;
  /** One set of points per month slice, oldest first. */
  slices: Points[];
}

export type HotspotWork = GiStarWork | DensityWork | EmergingWork;

export interface GiStarOutcome {
  grid: SquareGrid;
  result: HotspotResult;
  events: number;
  pseudoP: Float64Array | null;
}

export function giStarWork(work: GiStarWork): GiStarOutcome {
  const grid = squareGrid(work.area, { cellSize: work.cellSize });
  const { counts } = countPointsInCells(grid, work.x, work.y, work.weights);
  const result = hotspotCells(grid, counts, { band: work.band, fdr: work.fdr });
  let events = 0;
  for (const count of counts) events += count;
  const pseudoP =
    work.permutations === undefined
      ? null
      : permutationGiStar(
          result.cells.map((cell) => cell.count),
          distanceBandNeighbours(grid, work.band),
          { permutations: work.permutations, seed: work.seed ?? 1 },
        );
  return { grid, result, events, pseudoP };
}

export function densityWork(work: DensityWork) {
  const grid = squareGrid(work.area, { cellSize: work.cellSize });
  const { density, bandwidth, rule } = quarticKernelDensity(grid, work.x, work.y, {
    bandwidth: work.bandwidth,
    weights: work.weights,
  });
  const cells = [];
  for (let i = 0; i < grid.length; i++) {
    const value = density[i] as number;
    if (value > 0) cells.push({ id: cellId(grid, i), x: grid.x[i] as number, y: grid.y[i] as number, density: value });
  }
  return { cell: grid.cellSize, bandwidth, rule, cells };
}

export function emergingWork(work: EmergingWork) {
  const grid = squareGrid(work.area, { cellSize: work.cellSize });
  const slices = work.slices.map((slice) => countPointsInCells(grid, slice.x, slice.y, slice.weights).counts);
  const patterns = emergingHotSpots(slices, distanceBandNeighbours(grid, work.band), { fdr: work.fdr });
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
  return { cell: grid.cellSize, cells };
}

/** One piece of hot-spot work in, its result out. */
export function hotspotWork(work: HotspotWork) {
  switch (work.kind) {
    case 'gi-star':
      return giStarWork(work);
    case 'density':
      return densityWork(work);
    case 'emerging':
      return emergingWork(work);
  }
}
