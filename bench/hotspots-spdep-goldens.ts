import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellId, distanceBandNeighbours, getisOrdGiStar } from '@lantern/geo';
import { fixtureFiles, shippedMonths } from '../tests/support/police-uk-files.ts';
import { policeUkCounts, repositoryRoot, studyAreaGrid } from './hotspots-police-uk.ts';
import { spdepLocalG } from './hotspots-spdep.ts';

/**
 * Writes the golden files that pin Lantern's Gi* to R spdep's `localG` (include.self, binary
 * distance band) on real police.uk months: packages/geo/test/spdep/<case>.json holds the cells'
 * counts and spdep's z. The unit test rebuilds the same grid and compares, without R.
 *
 *   pnpm tsx bench/hotspots-spdep-goldens.ts [folder holding derived/ and the 2018 months]
 */
const fixtures = process.argv[2] ?? fixtureFiles;

const cases = [
  {
    name: 'nottingham-2024-01-all-crime',
    file: join(shippedMonths, '2024-01-nottinghamshire-street.csv'),
    districts: ['E06000018'],
    cellSize: 250,
    band: 750,
  },
  {
    name: 'county-and-city-2024-03-all-crime',
    file: join(shippedMonths, '2024-03-nottinghamshire-street.csv'),
    districts: 'all' as const,
    cellSize: 250,
    band: 750,
  },
  {
    name: 'nottingham-2022-burglary',
    file: join(fixtures, 'derived/2022-nottingham-city-burglary.csv'),
    districts: ['E06000018'],
    cellSize: 200,
    band: 600,
  },
  {
    name: 'county-and-city-2018-10-violence',
    file: join(fixtures, '2018-10-nottinghamshire-street.csv'),
    crimeType: 'Violence and sexual offences',
    districts: 'all' as const,
    cellSize: 1000,
    band: 2500,
  },
];

const folder = join(repositoryRoot, 'packages/geo/test/spdep');
mkdirSync(folder, { recursive: true });
for (const testCase of cases) {
  const grid = studyAreaGrid(testCase.districts, testCase.cellSize);
  const counts = policeUkCounts(grid, testCase.file, testCase.crimeType);
  const reference = spdepLocalG(grid.x, grid.y, counts, testCase.band);
  const ours = getisOrdGiStar(counts, distanceBandNeighbours(grid, testCase.band));
  let maxDifference = 0;
  for (let i = 0; i < grid.length; i++) {
    maxDifference = Math.max(maxDifference, Math.abs((ours.z[i] as number) - (reference.z[i] as number)));
  }
  const golden = {
    description: `R spdep ${reference.version} localG(include.self(dnearneigh(centres, 0, band)), style "B") on ${testCase.name}`,
    source: testCase.file.replace(`${repositoryRoot}/`, ''),
    crimeType: testCase.crimeType ?? null,
    districts: testCase.districts,
    cellSize: testCase.cellSize,
    band: testCase.band,
    cells: grid.length,
    firstId: cellId(grid, 0),
    lastId: cellId(grid, grid.length - 1),
    counts: Array.from(counts),
    z: Array.from(reference.z),
  };
  writeFileSync(join(folder, `${testCase.name}.json`), `${JSON.stringify(golden)}\n`);
  const events = counts.reduce((a, b) => a + b, 0);
  console.log(
    `${testCase.name}: ${grid.length} cells, ${events} events, max |z − z_spdep| = ${maxDifference.toExponential(2)}`,
  );
}
