import type { NeighbourLists, SquareGrid } from './types.ts';

/**
 * Binary distance-band neighbours of every cell: the cells whose centres are within `band` metres
 * (inclusive), **the cell itself included** (Gi* rather than Gi). Because the grid is regular the
 * neighbourhood is one stencil of column/row offsets, looked up in the grid's slot table; no
 * spatial search. Equivalent to spdep's `include.self(dnearneigh(centres, 0, band))`.
 *
 * @example
 * const neighbours = distanceBandNeighbours(grid, 750); // 250 m cells: up to 29 neighbours each
 * neighbours.indices.subarray(neighbours.offsets[0], neighbours.offsets[1]) // cell 0's neighbours
 */
export function distanceBandNeighbours(grid: SquareGrid, band: number): NeighbourLists {
  if (!Number.isFinite(band) || band < 0)
    throw new RangeError(`band must be a non-negative number of metres, got ${band}`);
  const reach = Math.floor(band / grid.cellSize);
  const stencilColumns: number[] = [];
  const stencilRows: number[] = [];
  const size2 = grid.cellSize * grid.cellSize;
  for (let dr = -reach; dr <= reach; dr++) {
    for (let dc = -reach; dc <= reach; dc++) {
      // Integer offsets squared times size²: exact in doubles, so "within band" has no rounding edge.
      if ((dc * dc + dr * dr) * size2 <= band * band) {
        stencilColumns.push(dc);
        stencilRows.push(dr);
      }
    }
  }
  const offsets = new Int32Array(grid.length + 1);
  const scratch = new Int32Array(grid.length * stencilColumns.length);
  let used = 0;
  for (let cell = 0; cell < grid.length; cell++) {
    offsets[cell] = used;
    const c = (grid.column[cell] as number) - grid.minColumn;
    const r = (grid.row[cell] as number) - grid.minRow;
    for (let k = 0; k < stencilColumns.length; k++) {
      const nc = c + (stencilColumns[k] as number);
      const nr = r + (stencilRows[k] as number);
      if (nc < 0 || nr < 0 || nc >= grid.columns || nr >= grid.rows) continue;
      const neighbour = grid.slotToCell[nr * grid.columns + nc] as number;
      if (neighbour >= 0) scratch[used++] = neighbour;
    }
  }
  offsets[grid.length] = used;
  return { band, offsets, indices: scratch.slice(0, used) };
}
