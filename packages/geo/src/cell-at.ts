import type { SquareGrid } from './types.ts';

/**
 * The index of the grid cell containing a point in British National Grid metres, or −1 when the
 * point falls outside the study area's cells. A cell contains its west and south edges.
 *
 * @example
 * cellAt(grid, 457100, 339800) // 1234, or −1 outside the study area
 */
export function cellAt(grid: SquareGrid, x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
  const c = Math.floor(x / grid.cellSize) - grid.minColumn;
  const r = Math.floor(y / grid.cellSize) - grid.minRow;
  if (c < 0 || r < 0 || c >= grid.columns || r >= grid.rows) return -1;
  return grid.slotToCell[r * grid.columns + c] as number;
}
