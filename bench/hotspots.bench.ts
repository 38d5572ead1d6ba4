/**
 * Hot-spot analytics at national-seed scale: ~1M synthetic crime points (packages/synth's national
 * generator, in process: no database) over the county-and-city grid, timed stage by stage, and the
 * same cells and weights through R spdep's localG in the same run for a side-by-side ratio and an
 * agreement figure. Run: pnpm bench:hotspots [--cell 250] [--band 750] [--repeats 5]
 */
import {
  countPointsInCells,
  distanceBandNeighbours,
  emergingHotSpots,
  getisOrdGiStar,
  hotspotBins,
  permutationGiStar,
  quarticKernelDensity,
  toBritishNationalGrid,
} from '@lantern/geo';
import { generateDataset, NATIONAL_CRIME_EVENTS } from '@lantern/synth';
import { studyAreaGrid } from './hotspots-police-uk.ts';
import { hasRscriptWithSpdep, spdepLocalG } from './hotspots-spdep.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const cellSize = option('cell', 250);
const band = option('band', 750);
const repeats = option('repeats', 5);

function seconds(started: number) {
  return (performance.now() - started) / 1000;
}
function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
function timed<T>(work: () => T): { value: T; seconds: number } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    value = work();
    times.push(seconds(started));
  }
  return { value: value as T, seconds: median(times) };
}

let started = performance.now();
const dataset = generateDataset({ scale: 'national' });
const xs = new Float64Array(NATIONAL_CRIME_EVENTS * 1.1);
const ys = new Float64Array(xs.length);
const months: string[] = [];
let events = 0;
for (const crime of dataset.crimeEvents()) {
  const [x, y] = toBritishNationalGrid([crime.location.lon, crime.location.lat]);
  xs[events] = x;
  ys[events] = y;
  months.push(crime.month);
  events++;
}
const x = xs.subarray(0, events);
const y = ys.subarray(0, events);
const generateSeconds = seconds(started);

started = performance.now();
const grid = studyAreaGrid('all', cellSize);
const gridSeconds = seconds(started);

const counting = timed(() => countPointsInCells(grid, x, y));
const { counts } = counting.value;
const neighbouring = timed(() => distanceBandNeighbours(grid, band));
const neighbours = neighbouring.value;
const giStar = timed(() => getisOrdGiStar(counts, neighbours));
const fdr = timed(() => hotspotBins(giStar.value.z, giStar.value.p, { fdr: true }));
const kde = timed(() => quarticKernelDensity(grid, x, y, { bandwidth: 1000 }));

const monthList = [...new Set(months)].sort();
const sliceOf = new Map(monthList.map((month, index) => [month, index]));
// Monthly slices for the emerging analysis, counted once (not part of the timing).
const byMonth = monthList.map(() => ({ x: [] as number[], y: [] as number[] }));
for (let i = 0; i < events; i++) {
  const slot = byMonth[sliceOf.get(months[i] as string) as number];
  slot?.x.push(x[i] as number);
  slot?.y.push(y[i] as number);
}
const slices = byMonth.map((slot) => countPointsInCells(grid, slot.x, slot.y).counts);
const emerging = timed(() => emergingHotSpots(slices, neighbours));
const permutationStarted = performance.now();
permutationGiStar(counts, neighbours, { permutations: 99, seed: 1 });
const permutationSeconds = seconds(permutationStarted);

const ours = neighbouring.seconds + giStar.seconds + fdr.seconds;
const significant = Array.from(fdr.value).filter((bin) => bin !== 0).length;
const totalEvents = counts.reduce((sum, n) => sum + n, 0);

console.log(
  `\nHot spots: ${events} synthetic crime points (${totalEvents} in cells), ${grid.length} cells of ${cellSize} m, band ${band} m, ${neighbours.indices.length} neighbour pairs; median of ${repeats} runs`,
);
console.log(
  `(generating and projecting the points: ${generateSeconds.toFixed(1)} s; laying the grid over the 8 districts: ${gridSeconds.toFixed(2)} s)\n`,
);
console.log('| stage | Lantern (TypeScript) | R spdep | ratio |');
console.log('|---|---:|---:|---:|');
const row = (stage: string, lantern: number, reference?: number) =>
  console.log(
    `| ${stage} | ${(lantern * 1000).toFixed(1)} ms | ${reference === undefined ? '—' : `${(reference * 1000).toFixed(0)} ms`} | ${reference === undefined ? '—' : `${(reference / lantern).toFixed(0)}×`} |`,
  );
row('count 1M points into cells', counting.seconds);
if (hasRscriptWithSpdep()) {
  const rStarted = performance.now();
  const reference = spdepLocalG(grid.x, grid.y, counts, band);
  const rWall = seconds(rStarted);
  let worst = 0;
  for (let i = 0; i < grid.length; i++) {
    worst = Math.max(worst, Math.abs((giStar.value.z[i] as number) - (reference.z[i] as number)));
  }
  row('neighbours (distance band, self included)', neighbouring.seconds, reference.neighboursSeconds);
  row('Gi* z and p', giStar.seconds, reference.localGSeconds);
  row('BH FDR + 7 bins', fdr.seconds);
  row('**Gi* + FDR, neighbours included**', ours, reference.neighboursSeconds + reference.localGSeconds);
  console.log(
    `\nR spdep ${reference.version}: ${rWall.toFixed(1)} s wall including R start-up and CSV exchange; max |z − z_spdep| = ${worst.toExponential(2)} over ${grid.length} cells`,
  );
} else {
  row('neighbours (distance band, self included)', neighbouring.seconds);
  row('Gi* z and p', giStar.seconds);
  row('BH FDR + 7 bins', fdr.seconds);
  row('**Gi* + FDR, neighbours included**', ours);
  console.log('\nRscript with spdep not found (apt-get install r-cran-spdep): no reference timings');
}
console.log(
  `\nalso: quartic KDE (h = 1000 m) ${(kde.seconds * 1000).toFixed(0)} ms; emerging hot spots over ${monthList.length} monthly slices ${(emerging.seconds * 1000).toFixed(0)} ms; 99 conditional permutations ${(permutationSeconds * 1000).toFixed(0)} ms (single run); ${significant} cells significant after FDR`,
);
