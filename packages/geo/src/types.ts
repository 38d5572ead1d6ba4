/** A position in British National Grid (EPSG:27700) metres: [easting, northing]. */
export type BngPosition = [number, number];

/** A study area in EPSG:27700 metres, as GeoJSON geometry (rings closed or not). */
export type StudyArea =
  | { type: 'Polygon'; coordinates: BngPosition[][] }
  | { type: 'MultiPolygon'; coordinates: BngPosition[][][] };

/**
 * A regular square grid aligned to the British National Grid origin, restricted to the cells of a
 * study area. Cells are numbered 0…length−1 from the south-west, row by row (west to east, then
 * south to north). Column and row are absolute (easting ÷ cellSize, northing ÷ cellSize), so a
 * cell keeps its id whatever the study area.
 */
export interface SquareGrid {
  cellSize: number;
  length: number;
  /** Absolute column and row of the bounding box's south-west slot, and the box's size in cells. */
  minColumn: number;
  minRow: number;
  columns: number;
  rows: number;
  /** Cell index of each bounding-box slot (row-major from the south-west), −1 outside the area. */
  slotToCell: Int32Array;
  column: Int32Array;
  row: Int32Array;
  /** Cell centres in metres. */
  x: Float64Array;
  y: Float64Array;
}

/** Neighbour lists in compressed sparse row form: cell i's neighbours are indices[offsets[i]…offsets[i+1]). */
export interface NeighbourLists {
  band: number;
  offsets: Int32Array;
  indices: Int32Array;
}

/** Getis-Ord Gi* per cell: z-score and two-sided p from the normal approximation. */
export interface GiStar {
  z: Float64Array;
  p: Float64Array;
}
