import type { GetisOrdOutput } from '@lantern/domain';
import { fromBritishNationalGrid } from '@lantern/geo';
import { type EmergingPattern, emergingColour } from './emerging-patterns.ts';

export interface CellSquareProperties {
  id: string;
  bin: number;
  count: number | '<5';
  z: number;
}

interface GridCell {
  id: string;
  x: number;
  y: number;
}

/**
 * Grid cells as closed WGS84 squares for the map: cells are laid out in British National Grid
 * metres (x, y the centre), so each corner is projected back.
 */
export function squaresOf<Cell extends GridCell, Properties extends object>(
  cellSize: number,
  cells: readonly Cell[],
  properties: (cell: Cell) => Properties,
) {
  const half = cellSize / 2;
  const corner = (x: number, y: number) => fromBritishNationalGrid([x, y]);
  return {
    type: 'FeatureCollection' as const,
    features: cells.map((cell) => ({
      type: 'Feature' as const,
      id: cell.id,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            corner(cell.x - half, cell.y - half),
            corner(cell.x + half, cell.y - half),
            corner(cell.x + half, cell.y + half),
            corner(cell.x - half, cell.y + half),
            corner(cell.x - half, cell.y - half),
          ],
        ],
      },
      properties: properties(cell),
    })),
  };
}

/**
 * The significant cells (bin ≠ 0) of a Gi* result. Insignificant cells are left out: a county
 * grid has ~35 000 cells and drawing them all says nothing.
 */
export function cellSquares(result: GetisOrdOutput) {
  return squaresOf(
    result.cell,
    result.cells.filter((cell) => cell.bin !== 0),
    (cell): CellSquareProperties => ({ id: cell.id, bin: cell.bin, count: cell.count, z: cell.z }),
  );
}

/** Below this share of the highest density a cell is not drawn: the surface's faint fringe. */
const faintestLevel = 0.02;

/**
 * The kernel-density surface as squares, each with its density (events per km²) and its `level`,
 * the density as a share of the highest cell's (0–1), which the colour ramp reads.
 */
export function densitySquares(result: {
  cell: number;
  cells: ReadonlyArray<{ id: string; x: number; y: number; density: number }>;
}) {
  const highest = result.cells.reduce((max, cell) => Math.max(max, cell.density), 0);
  const shown = highest > 0 ? result.cells.filter((cell) => cell.density / highest >= faintestLevel) : [];
  return squaresOf(result.cell, shown, (cell) => ({
    id: cell.id,
    density: cell.density,
    level: cell.density / highest,
  }));
}

/** Cells with an emerging hot- or cold-spot pattern, each with its colour. */
export function emergingSquares(result: {
  cell: number;
  cells: ReadonlyArray<{ id: string; x: number; y: number; pattern: EmergingPattern; kind: 'hot' | 'cold' }>;
}) {
  return squaresOf(result.cell, result.cells, (cell) => ({
    id: cell.id,
    pattern: cell.pattern,
    kind: cell.kind,
    colour: emergingColour(cell.pattern, cell.kind),
  }));
}
