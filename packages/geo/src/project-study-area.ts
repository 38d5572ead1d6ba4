import { toBritishNationalGrid } from './to-british-national-grid.ts';
import type { BngPosition, StudyArea } from './types.ts';

type Wgs84Geometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * Joins WGS84 polygons (district boundaries as GeoJSON geometry) into one study area in British
 * National Grid metres, ready for `squareGrid`. The polygons are kept side by side, not dissolved:
 * with centre-in cells that gives the same grid as their union.
 *
 * @example
 * projectStudyArea([nottingham.geometry, gedling.geometry]) // { type: 'MultiPolygon', coordinates: [...] } in metres
 */
export function projectStudyArea(geometries: readonly Wgs84Geometry[]): StudyArea {
  if (geometries.length === 0) throw new RangeError('a study area needs at least one polygon');
  const polygons: BngPosition[][][] = [];
  for (const [index, geometry] of geometries.entries()) {
    if (geometry?.type === 'Polygon') polygons.push(projectPolygon(geometry.coordinates));
    else if (geometry?.type === 'MultiPolygon') polygons.push(...geometry.coordinates.map(projectPolygon));
    else throw new TypeError(`geometries[${index}] is not a Polygon or MultiPolygon`);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

function projectPolygon(rings: number[][][]): BngPosition[][] {
  return rings.map((ring) => ring.map(([lon, lat]) => toBritishNationalGrid([lon as number, lat as number])));
}
