import { AppError } from '@lantern/domain';
import type { StudyArea } from '@lantern/geo';

/**
 * How much work an analysis may ask for, checked before any of it starts. The cost of a hot-spot
 * analysis is the number of grid cells times the cells within the distance band of each (the
 * neighbour pairs Gi* sums over), so a 50 m grid with a 2.5 km band over one district is some
 * 240 million pairs: minutes of CPU and gigabytes of memory. Refusing it names the parameter to
 * change. The limits leave the county-wide defaults (250 m, 750 m: 35,000 cells, about a million
 * pairs) and ten years of monthly emerging hot spots well inside; `pnpm bench:healthz` times the
 * heaviest analyses they allow.
 */
export const analysisBudget = {
  /** Every cell is in the answer, so cells also bound the response the server builds and sends. */
  cells: 100_000,
  neighbourPairs: 10_000_000,
  /** Emerging hot spots: neighbour pairs summed over the month slices. */
  sliceNeighbourPairs: 150_000_000,
  /** Permutation inference: neighbour pairs times permutations. */
  permutedNeighbourPairs: 300_000_000,
} as const;

/** Square metres inside a study area (outer rings less holes), by the shoelace formula. */
export function studyAreaSquareMetres(area: StudyArea): number {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      let twice = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x0 = 0, y0 = 0] = ring[i] ?? [];
        const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
        twice += x0 * y1 - x1 * y0;
      }
      total += (index === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return total;
}

export interface GridCost {
  cells: number;
  neighbourPairs: number;
}

/** About how many cells a grid over `area` has, and how many neighbour pairs a band gives them. */
export function gridCost(area: StudyArea, cellSize: number, band?: number): GridCost {
  const cells = Math.ceil(studyAreaSquareMetres(area) / (cellSize * cellSize));
  const perCell = band === undefined ? 1 : Math.PI * (band / cellSize) ** 2 + 1;
  return { cells, neighbourPairs: Math.ceil(cells * perCell) };
}

const about = (n: number) => n.toLocaleString('en-GB', { maximumSignificantDigits: 2 });

/** Refuses a grid or band beyond the budget with BAD_INPUT naming the parameter to change. */
export function assertWithinBudget(
  area: StudyArea,
  request: {
    cellSize: number;
    band?: number | undefined;
    slices?: number | undefined;
    permutations?: number | undefined;
  },
): GridCost {
  const cost = gridCost(area, request.cellSize, request.band);
  if (cost.cells > analysisBudget.cells) {
    throw new AppError(
      'BAD_INPUT',
      `cellSize: ${request.cellSize} m cells make about ${about(cost.cells)} cells here (at most ${about(analysisBudget.cells)}); use larger cells or fewer districts`,
    );
  }
  if (request.band === undefined) return cost;
  const pairs = cost.neighbourPairs * (request.slices ?? 1);
  const limit = request.slices === undefined ? analysisBudget.neighbourPairs : analysisBudget.sliceNeighbourPairs;
  if (pairs > limit) {
    const over = request.slices === undefined ? '' : ` over ${request.slices} months`;
    throw new AppError(
      'BAD_INPUT',
      `band: ${request.band} m with ${request.cellSize} m cells gives about ${about(pairs)} neighbour pairs${over} here (at most ${about(limit)}); use a smaller band, larger cells${request.slices === undefined ? '' : ', a shorter period'} or fewer districts`,
    );
  }
  const permuted = cost.neighbourPairs * (request.permutations ?? 0);
  if (permuted > analysisBudget.permutedNeighbourPairs) {
    throw new AppError(
      'BAD_INPUT',
      `permutations: ${request.permutations} permutations of about ${about(cost.neighbourPairs)} neighbour pairs is too much work (at most ${about(analysisBudget.permutedNeighbourPairs)} pair evaluations); use fewer permutations, a smaller band or larger cells`,
    );
  }
  return cost;
}
