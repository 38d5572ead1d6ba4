import { cellId } from './cell-id.ts';
import { distanceBandNeighbours } from './distance-band-neighbours.ts';
import { getisOrdGiStar } from './getis-ord-gi-star.ts';
import { hotspotBins } from './hotspot-bins.ts';
import type { NeighbourLists, SquareGrid } from './types.ts';

export interface HotspotCell {
  id: string;
  x: number;
  y: number;
  count: number;
  z: number;
  p: number;
  bin: number;
}

/** docs/ARCHITECTURE.md "Hotspot JSON". */
export interface HotspotResult {
  cell: number;
  band: number;
  cells: HotspotCell[];
  fdr: boolean;
}

export interface HotspotCellsOptions {
  /** Distance band in metres (default 750), ignored when `neighbours` is given. */
  band?: number;
  /** Bins on Benjamini–Hochberg q rather than raw p (default true). */
  fdr?: boolean;
  /** Precomputed neighbour lists of this grid, to reuse across calls. */
  neighbours?: NeighbourLists;
}

/**
 * The whole hot-spot analysis of one set of counts as docs/ARCHITECTURE.md's "Hotspot JSON": every cell
 * of the grid (zero counts included) with its centre, count, Gi* z, two-sided p and ArcGIS bin.
 *
 * @example
 * hotspotCells(grid, counts, { band: 750, fdr: true }) // { cell: 250, band: 750, fdr: true, cells: [{ id: 'E457000N339750', … }] }
 */
export function hotspotCells(
  grid: SquareGrid,
  counts: ArrayLike<number>,
  options: HotspotCellsOptions = {},
): HotspotResult {
  if (counts.length !== grid.length) throw new RangeError(`counts has ${counts.length} cells, the grid ${grid.length}`);
  const fdr = options.fdr ?? true;
  const neighbours = options.neighbours ?? distanceBandNeighbours(grid, options.band ?? 750);
  const { z, p } = getisOrdGiStar(counts, neighbours);
  const bins = hotspotBins(z, p, { fdr });
  const cells: HotspotCell[] = [];
  for (let i = 0; i < grid.length; i++) {
    cells.push({
      id: cellId(grid, i),
      x: grid.x[i] as number,
      y: grid.y[i] as number,
      count: counts[i] as number,
      z: z[i] as number,
      p: p[i] as number,
      bin: bins[i] as number,
    });
  }
  return { cell: grid.cellSize, band: neighbours.band, cells, fdr };
}
