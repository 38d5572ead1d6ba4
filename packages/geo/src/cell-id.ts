import type { SquareGrid } from './types.ts';

/**
 * The stable id of a grid cell: its south-west corner in British National Grid metres, e.g.
 * `E457000N339750`. The same square on the ground has the same id in every study area.
 *
 * @example
 * cellId(squareGrid(area), 0) // 'E457000N339750'
 */
export function cellId(grid: SquareGrid, cell: number): string {
  if (!Number.isInteger(cell) || cell < 0 || cell >= grid.length) {
    throw new RangeError(`cell must be an index from 0 to ${grid.length - 1}, got ${cell}`);
  }
  return `E${(grid.column[cell] as number) * grid.cellSize}N${(grid.row[cell] as number) * grid.cellSize}`;
}
