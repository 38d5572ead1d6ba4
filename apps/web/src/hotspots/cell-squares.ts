import type { GetisOrdOutput } from '@lantern/domain';
import { fromBritishNationalGrid } from '@lantern/geo';

export interface CellSquareProperties {
  id: string;
  bin: number;
  count: number | '<5';
  z: number;
}

/**
 * The significant cells (bin ≠ 0) of a Gi* result as WGS84 squares for the map: cells are laid
 * out in British National Grid metres, so each corner is projected back. Insignificant cells are
 * left out: a county grid has ~35 000 cells and drawing them all says nothing.
 */
export function cellSquares(result: GetisOrdOutput) {
  const half = result.cell / 2;
  const corner = (x: number, y: number) => fromBritishNationalGrid([x, y]);
  return {
    type: 'FeatureCollection' as const,
    features: result.cells
      .filter((cell) => cell.bin !== 0)
      .map((cell) => ({
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
        properties: { id: cell.id, bin: cell.bin, count: cell.count, z: cell.z } satisfies CellSquareProperties,
      })),
  };
}
