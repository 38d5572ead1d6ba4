import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countPointsInCells, projectStudyArea, type SquareGrid, squareGrid, toBritishNationalGrid } from '@lantern/geo';
import { parse } from 'csv-parse/sync';

/** Real police.uk points and district boundaries for the Gi* agreement goldens and the benchmark. */
export const repositoryRoot = join(import.meta.dirname, '..');

interface DistrictFeature {
  properties: { code: string };
  geometry: Parameters<typeof projectStudyArea>[0][number];
}

export function studyAreaGrid(districtCodes: readonly string[] | 'all', cellSize: number): SquareGrid {
  const { features } = JSON.parse(
    readFileSync(join(repositoryRoot, 'data/nottinghamshire-districts.geojson'), 'utf8'),
  ) as { features: DistrictFeature[] };
  const chosen = features.filter((f) => districtCodes === 'all' || districtCodes.includes(f.properties.code));
  return squareGrid(projectStudyArea(chosen.map((f) => f.geometry)), { cellSize });
}

/** Points of a police.uk street CSV (or a reduced extract with longitude/latitude columns), in metres. */
export function policeUkPoints(file: string, crimeType?: string): { x: Float64Array; y: Float64Array } {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const x: number[] = [];
  const y: number[] = [];
  for (const row of rows) {
    if (crimeType && row['Crime type'] !== crimeType) continue;
    const lon = Number(row.Longitude ?? row.longitude);
    const lat = Number(row.Latitude ?? row.latitude);
    if (!(row.Longitude ?? row.longitude) || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const [easting, northing] = toBritishNationalGrid([lon, lat]);
    x.push(easting);
    y.push(northing);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

export function policeUkCounts(grid: SquareGrid, file: string, crimeType?: string): Float64Array {
  const { x, y } = policeUkPoints(file, crimeType);
  return countPointsInCells(grid, x, y).counts;
}
