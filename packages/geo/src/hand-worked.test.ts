import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg.ts';
import { countPointsInCells } from './count-points-in-cells.ts';
import { mannKendall } from './mann-kendall.ts';
import { quarticKernelDensity } from './quartic-kernel-density.ts';
import { squareGrid } from './square-grid.ts';

// Small cases worked by hand (the working is in the comments), independent of the golden files.

describe('benjaminiHochberg', () => {
  it('adjusts p by m/rank and keeps the adjusted values monotone', () => {
    // Sorted: 0.01 (rank 1), 0.03 (2), 0.04 (3), 0.20 (4); m = 4.
    // Raw m·p/rank: 0.04, 0.06, 0.0533…, 0.20; the running minimum from the top turns 0.06 into 0.0533….
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(Array.from(q)).toEqual([0.04, (0.04 * 4) / 3, (0.04 * 4) / 3, 0.2]);
  });

  it('caps adjusted values at 1', () => {
    // m·p/rank for the largest: 2·0.9/2 = 0.9; for 0.6: 2·0.6/1 = 1.2 → min(0.9, 1.2) = 0.9.
    expect(Array.from(benjaminiHochberg([0.6, 0.9]))).toEqual([0.9, 0.9]);
  });

  it('refuses a value that is not a probability', () => {
    expect(() => benjaminiHochberg([0.5, 1.5])).toThrow('p[1] is not a probability: 1.5');
  });
});

describe('mannKendall', () => {
  it('scores a strictly increasing series', () => {
    // 5 values, all 10 pairs concordant: S = 10; Var = 5·4·15/18 = 16.67; z = (10 − 1)/√16.67 = 2.2045.
    const result = mannKendall([1, 2, 3, 4, 5]);
    expect(result.s).toBe(10);
    expect(result.variance).toBeCloseTo(50 / 3, 12);
    expect(result.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    expect(result.p).toBeCloseTo(0.027486336, 8); // Kendall::MannKendall(1:5): 2-sided p 0.027486
    expect(result.tau).toBe(1);
  });

  it('corrects the variance for ties', () => {
    // 1,2,2,3: pairs +,+,+,0,+,+ → S = 5; one tie group of 2: Var = (4·3·13 − 2·1·9)/18 = 138/18.
    const result = mannKendall([1, 2, 2, 3]);
    expect(result.s).toBe(5);
    expect(result.variance).toBeCloseTo(138 / 18, 12);
    expect(result.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 12);
  });

  it('finds no trend in a constant series', () => {
    expect(mannKendall([4, 4, 4, 4])).toEqual({ s: 0, variance: 0, z: 0, p: 1, tau: 0 });
  });

  it('refuses series too short to test', () => {
    expect(() => mannKendall([1, 2])).toThrow('Mann–Kendall needs at least 3 values, got 2');
  });
});

describe('quarticKernelDensity', () => {
  const strip = squareGrid({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1000, 0],
        [1000, 250],
        [0, 250],
        [0, 0],
      ],
    ],
  });

  it('spreads one point by the quartic kernel', () => {
    // One point at (125, 125), h = 400: centres at d = 0, 250, 500, 750.
    // d = 0: 3/(π·400²) · 1 · 10⁶ per km² = 5.968 /km²; d = 250: ·(1 − 0.390625)² = 0.371337…; beyond h: 0.
    const { density, bandwidth, rule } = quarticKernelDensity(strip, [125], [125], { bandwidth: 400 });
    const peak = (3 / (Math.PI * 160_000)) * 1e6;
    expect(bandwidth).toBe(400);
    expect(rule).toBe('given');
    expect(density[0]).toBeCloseTo(peak, 12);
    expect(density[1]).toBeCloseTo(peak * (1 - 62_500 / 160_000) ** 2, 12);
    expect(Array.from(density.subarray(2))).toEqual([0, 0]);
  });

  it('chooses the bandwidth by the stated rule when none is given', () => {
    // Points at (0,0) and (1000,0): mean centre (500, 0), both at 500 m: SD = 500, Dm = 500.
    // h = 0.9 · min(500, √(1/ln 2)·500) · 2^−0.2 = 450 · 2^−0.2.
    const { bandwidth, rule } = quarticKernelDensity(strip, [0, 1000], [0, 0]);
    expect(rule).toBe('arcgis-silverman');
    expect(bandwidth).toBeCloseTo(450 * 2 ** -0.2, 9);
  });

  it('treats a point of weight k as k points on the same spot, for the surface and the rule', () => {
    const xs = [125, 130, 880];
    const ys = [125, 140, 200];
    const repeated = quarticKernelDensity(strip, [125, 125, 125, 130, 880, 880], [125, 125, 125, 140, 200, 200]);
    const weighted = quarticKernelDensity(strip, xs, ys, { weights: [3, 1, 2] });
    expect(weighted.bandwidth).toBeCloseTo(repeated.bandwidth, 9);
    for (const [i, value] of repeated.density.entries()) expect(weighted.density[i]).toBeCloseTo(value, 9);
  });

  it('refuses a bandwidth that is not a positive distance', () => {
    expect(() => quarticKernelDensity(strip, [], [], { bandwidth: 0 })).toThrow(
      'bandwidth must be a positive number of metres, got 0',
    );
  });
});

describe('countPointsInCells', () => {
  const strip = squareGrid({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [500, 0],
        [500, 250],
        [0, 250],
        [0, 0],
      ],
    ],
  });

  it('counts a weighted point as that many events, inside or outside', () => {
    // Cell 0 gets 3 + 1, cell 1 gets 2; the point beyond the strip carries 5 events outside.
    const { counts, outside } = countPointsInCells(strip, [10, 20, 300, 900], [10, 20, 10, 10], [3, 1, 2, 5]);
    expect(Array.from(counts)).toEqual([4, 2]);
    expect(outside).toBe(5);
  });

  it('refuses a negative weight by index', () => {
    expect(() => countPointsInCells(strip, [10], [10], [-1])).toThrow('weights[0] is not a non-negative number: -1');
  });
});
