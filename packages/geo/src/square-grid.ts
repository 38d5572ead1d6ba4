import type { BngPosition, SquareGrid, StudyArea } from './types.ts';

export interface SquareGridOptions {
  /** Cell side in metres (default 250). */
  cellSize?: number;
}

/**
 * Lays a square grid over a study area in British National Grid metres and keeps the cells whose
 * **centre** lies inside the area (centre-in rather than intersecting, so a cell on the boundary
 * belongs to exactly one of two adjacent study areas and the grid of a union of districts is the
 * union of their grids). Cells are aligned to the national grid origin: the cell with column c and
 * row r covers [c·size, (c+1)·size) × [r·size, (r+1)·size), so ids are stable across study areas.
 * A centre exactly on the boundary counts as inside on the west/south side (half-open scanline
 * rule). Holes are honoured (even–odd rule within each polygon).
 *
 * @example
 * const grid = squareGrid({ type: 'Polygon', coordinates: [[[0, 0], [1000, 0], [1000, 500], [0, 500], [0, 0]]] });
 * grid.length // 8 (4 columns × 2 rows of 250 m)
 * grid.x[0], grid.y[0] // 125, 125
 */
export function squareGrid(studyArea: StudyArea, options: SquareGridOptions = {}): SquareGrid {
  const cellSize = options.cellSize ?? 250;
  if (!Number.isFinite(cellSize) || cellSize <= 0)
    throw new RangeError(`cellSize must be a positive number of metres, got ${cellSize}`);
  if (studyArea?.type !== 'Polygon' && studyArea?.type !== 'MultiPolygon') {
    throw new TypeError(
      `studyArea must be a GeoJSON Polygon or MultiPolygon, got ${String((studyArea as { type?: unknown } | undefined)?.type)}`,
    );
  }
  const polygons: BngPosition[][][] = studyArea.type === 'Polygon' ? [studyArea.coordinates] : studyArea.coordinates;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (!Number.isFinite(x) || !Number.isFinite(y))
          throw new RangeError(`studyArea has a non-finite coordinate: [${x}, ${y}]`);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  if (!(minX < maxX && minY < maxY)) throw new RangeError('studyArea has no area');

  const minColumn = Math.floor(minX / cellSize);
  const minRow = Math.floor(minY / cellSize);
  const columns = Math.floor(maxX / cellSize) - minColumn + 1;
  const rows = Math.floor(maxY / cellSize) - minRow + 1;
  const inside = new Uint8Array(columns * rows);
  const crossings: number[] = [];
  for (let r = 0; r < rows; r++) {
    const centreY = (minRow + r + 0.5) * cellSize;
    for (const polygon of polygons) {
      crossings.length = 0;
      for (const ring of polygon) {
        for (let k = 0; k < ring.length; k++) {
          const [x1, y1] = ring[k] as BngPosition;
          const [x2, y2] = ring[(k + 1) % ring.length] as BngPosition;
          if ((y1 <= centreY && centreY < y2) || (y2 <= centreY && centreY < y1)) {
            crossings.push(x1 + ((centreY - y1) * (x2 - x1)) / (y2 - y1));
          }
        }
      }
      crossings.sort((a, b) => a - b);
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        // Columns whose centre (c + 0.5)·size lies in [from, to).
        const first = Math.max(minColumn, Math.ceil((crossings[k] as number) / cellSize - 0.5));
        const last = Math.min(minColumn + columns - 1, Math.ceil((crossings[k + 1] as number) / cellSize - 0.5) - 1);
        for (let c = first; c <= last; c++) inside[r * columns + (c - minColumn)] = 1;
      }
    }
  }

  let length = 0;
  for (const flag of inside) length += flag;
  const slotToCell = new Int32Array(columns * rows).fill(-1);
  const column = new Int32Array(length);
  const row = new Int32Array(length);
  const x = new Float64Array(length);
  const y = new Float64Array(length);
  let cell = 0;
  for (let slot = 0; slot < inside.length; slot++) {
    if (inside[slot] === 0) continue;
    const c = minColumn + (slot % columns);
    const r = minRow + Math.floor(slot / columns);
    slotToCell[slot] = cell;
    column[cell] = c;
    row[cell] = r;
    x[cell] = (c + 0.5) * cellSize;
    y[cell] = (r + 0.5) * cellSize;
    cell++;
  }
  return { cellSize, length, minColumn, minRow, columns, rows, slotToCell, column, row, x, y };
}
