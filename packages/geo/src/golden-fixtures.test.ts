import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  cellAt,
  classifyEmergingPattern,
  countPointsInCells,
  distanceBandNeighbours,
  emergingHotSpots,
  getisOrdGiStar,
  hotspotBins,
  hotspotCells,
  mannKendall,
  permutationGiStar,
  projectStudyArea,
  quarticKernelDensity,
  rankRepeatLocations,
  type SquareGrid,
  type StudyArea,
  squareGrid,
} from './index.ts';

/**
 * Turf's discipline: every function has fixtures in test/fixtures/<function>/in/*.json; this one
 * test runs each through its function and compares with out/*.json. `REGEN=1` rewrites the outputs
 * (review the diff before committing them).
 */
const fixtures = join(import.meta.dirname, '../test/fixtures');

interface GridInput {
  studyArea: StudyArea;
  cellSize?: number;
}
interface PointsInput extends GridInput {
  points: [number, number][];
}

const gridOf = (input: GridInput): SquareGrid => squareGrid(input.studyArea, { cellSize: input.cellSize });
const xsOf = (points: [number, number][]) => points.map(([x]) => x);
const ysOf = (points: [number, number][]) => points.map(([, y]) => y);
const countsOf = (input: PointsInput) =>
  countPointsInCells(gridOf(input), xsOf(input.points), ysOf(input.points)).counts;

const functions: Record<string, (input: never) => unknown> = {
  'square-grid': (input: GridInput) => {
    const grid = gridOf(input);
    return { length: grid.length, centres: Array.from(grid.x, (x, i) => [x, grid.y[i]]) };
  },
  'cell-at': (input: GridInput & { points: [number, number][] }) => {
    const grid = gridOf(input);
    return input.points.map(([x, y]) => cellAt(grid, x, y));
  },
  'count-points-in-cells': (input: PointsInput) => {
    const { counts, outside } = countPointsInCells(gridOf(input), xsOf(input.points), ysOf(input.points));
    return { counts: Array.from(counts), outside };
  },
  'distance-band-neighbours': (input: GridInput & { band: number }) => {
    const { offsets, indices } = distanceBandNeighbours(gridOf(input), input.band);
    return Array.from(offsets.subarray(1), (end, i) => Array.from(indices.subarray(offsets[i], end)));
  },
  'getis-ord-gi-star': (input: PointsInput & { band: number }) => {
    const { z, p } = getisOrdGiStar(countsOf(input), distanceBandNeighbours(gridOf(input), input.band));
    return { z: Array.from(z), p: Array.from(p) };
  },
  'benjamini-hochberg': (input: { p: number[] }) => Array.from(benjaminiHochberg(input.p)),
  'hotspot-bins': (input: { z: number[]; p: number[]; fdr: boolean }) =>
    Array.from(hotspotBins(input.z, input.p, { fdr: input.fdr })),
  'hotspot-cells': (input: PointsInput & { band: number; fdr: boolean }) =>
    hotspotCells(gridOf(input), countsOf(input), { band: input.band, fdr: input.fdr }),
  'project-study-area': (input: { geometries: Parameters<typeof projectStudyArea>[0] }) =>
    projectStudyArea(input.geometries),
  'quartic-kernel-density': (input: PointsInput & { bandwidth?: number }) => {
    const result = quarticKernelDensity(gridOf(input), xsOf(input.points), ysOf(input.points), {
      bandwidth: input.bandwidth,
    });
    return { ...result, density: Array.from(result.density) };
  },
  'classify-emerging-pattern': (input: { cases: { states: number[]; sign: 1 | -1; trend: number }[] }) =>
    input.cases.map(({ states, sign, trend }) => classifyEmergingPattern(states, sign, trend)),
  'mann-kendall': (input: { series: number[] }) => mannKendall(input.series),
  'emerging-hot-spots': (input: GridInput & { band: number; slices: number[][]; fdr: boolean }) =>
    emergingHotSpots(input.slices, distanceBandNeighbours(gridOf(input), input.band), { fdr: input.fdr }),
  'permutation-gi-star': (input: PointsInput & { band: number; permutations: number; seed: number }) =>
    Array.from(
      permutationGiStar(countsOf(input), distanceBandNeighbours(gridOf(input), input.band), {
        permutations: input.permutations,
        seed: input.seed,
      }),
    ),
  'rank-repeat-locations': (input: { keys: string[]; minimum?: number; limit?: number }) =>
    rankRepeatLocations(input.keys, { minimum: input.minimum, limit: input.limit }),
};

/** Numbers agree to 1e-9 relative (JSON round-trips doubles exactly; this spares libm differences). */
function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tolerance)) expect.fail(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    for (const [i, value] of expected.entries()) expectClose((actual as unknown[])[i], value, `${path}[${i}]`);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('golden fixtures', () => {
  it('covers every fixture folder with a function', () => {
    expect(readdirSync(fixtures).sort()).toEqual(Object.keys(functions).sort());
  });

  for (const [name, run] of Object.entries(functions)) {
    const inputs = readdirSync(join(fixtures, name, 'in')).filter((file) => file.endsWith('.json'));
    it.each(inputs)(`${name}: %s`, (file) => {
      const input = JSON.parse(readFileSync(join(fixtures, name, 'in', file), 'utf8')) as never;
      const actual = JSON.parse(JSON.stringify(run(input)));
      const outPath = join(fixtures, name, 'out', file);
      if (process.env.REGEN) {
        mkdirSync(join(fixtures, name, 'out'), { recursive: true });
        writeFileSync(outPath, `${JSON.stringify(actual, null, 1)}\n`);
      }
      expectClose(actual, JSON.parse(readFileSync(outPath, 'utf8')), `${name}/${file}`);
    });
  }
});
