import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellId } from './cell-id.ts';
import { distanceBandNeighbours } from './distance-band-neighbours.ts';
import { getisOrdGiStar } from './getis-ord-gi-star.ts';
import { projectStudyArea } from './project-study-area.ts';
import { squareGrid } from './square-grid.ts';

/**
 * Agreement with the reference implementation: R spdep's localG (include.self, binary distance
 * band) on real police.uk months, from goldens written by bench/hotspots-spdep-goldens.ts. No R
 * needed here: the goldens hold the cells' counts and spdep's z.
 */
interface Golden {
  description: string;
  districts: string[] | 'all';
  cellSize: number;
  band: number;
  cells: number;
  firstId: string;
  lastId: string;
  counts: number[];
  z: number[];
}

interface DistrictFeature {
  properties: { code: string };
  geometry: Parameters<typeof projectStudyArea>[0][number];
}

const goldens = join(import.meta.dirname, '../test/spdep');
const districts = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../data/nottinghamshire-districts.geojson'), 'utf8')) as {
    features: DistrictFeature[];
  }
).features;

describe('Gi* against R spdep localG on police.uk data', () => {
  const files = readdirSync(goldens).filter((file) => file.endsWith('.json'));

  it('has goldens to compare with', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s agrees to 1e-6', (file) => {
    const golden = JSON.parse(readFileSync(join(goldens, file), 'utf8')) as Golden;
    const chosen = districts.filter((f) => golden.districts === 'all' || golden.districts.includes(f.properties.code));
    const grid = squareGrid(projectStudyArea(chosen.map((f) => f.geometry)), { cellSize: golden.cellSize });
    expect([grid.length, cellId(grid, 0), cellId(grid, grid.length - 1)]).toEqual([
      golden.cells,
      golden.firstId,
      golden.lastId,
    ]);
    const { z } = getisOrdGiStar(golden.counts, distanceBandNeighbours(grid, golden.band));
    let worst = 0;
    for (let i = 0; i < grid.length; i++) worst = Math.max(worst, Math.abs((z[i] as number) - (golden.z[i] as number)));
    expect(worst).toBeLessThanOrEqual(1e-6);
  });
});
