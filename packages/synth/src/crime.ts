/**
 * Synthetic police.uk-style crime points for the national-scale benchmark only (at county scale
 * the real police.uk files are imported instead). Like police.uk, crimes sit on a limited set of
 * anonymised map points; here those points are scattered around real towns and each is checked
 * inside its district once, so a million crimes cost a few hundred thousand cheap draws and no
 * polygon tests. Points near town centres are drawn more often, which makes hotspots.
 */

import { monthsWithin } from '@lantern/domain';
import { scatterInside, uniformInside } from './geography.ts';
import type { Period } from './period.ts';
import { Rng, WeightedTable } from './rng.ts';
import { allDistrictCodes, districtInfoOf, NOTTINGHAM_CITY, townsIn } from './towns.ts';
import type { LonLat, SynthCrimeEvent } from './types.ts';

export const NATIONAL_CRIME_EVENTS = 1_000_000;

/** The 14 police.uk street-crime categories, weighted roughly like a year of a county force. */
export const crimeTypes: readonly (readonly [string, number])[] = [
  ['Violence and sexual offences', 32],
  ['Anti-social behaviour', 18],
  ['Public order', 9],
  ['Criminal damage and arson', 8],
  ['Shoplifting', 7],
  ['Other theft', 6],
  ['Vehicle crime', 5],
  ['Burglary', 4.5],
  ['Drugs', 2.5],
  ['Other crime', 1.5],
  ['Theft from the person', 1],
  ['Robbery', 1],
  ['Bicycle theft', 1],
  ['Possession of weapons', 1],
];

const SNAP_POINTS_PER_TOWN_WEIGHT = 12;
const RURAL_SHARE = 0.08;

interface TownPool {
  /** Sorted from the centre outwards, so low indices (drawn more often) are central. */
  points: LonLat[];
}

interface DistrictPool {
  code: string;
  towns: WeightedTable<TownPool>;
  rural: LonLat[];
}

function buildPools(rng: Rng): DistrictPool[] {
  return allDistrictCodes.map((code) => {
    const pools = townsIn(code).map((town) => {
      const count = Math.max(60, Math.round(town.weight * SNAP_POINTS_PER_TOWN_WEIGHT));
      const points: LonLat[] = [];
      for (let i = 0; i < count; i++) {
        points.push(scatterInside(rng, town.centre, town.spreadMetres * 1.2, code));
      }
      const dist = (point: LonLat): number =>
        (point.lon - town.centre.lon) ** 2 * Math.cos((town.centre.lat * Math.PI) / 180) ** 2 +
        (point.lat - town.centre.lat) ** 2;
      points.sort((a, b) => dist(a) - dist(b));
      return [{ points }, town.weight] as const;
    });
    const rural: LonLat[] = [];
    for (let i = 0; i < 150; i++) rural.push(uniformInside(rng, code));
    return { code, towns: new WeightedTable(pools), rural };
  });
}

/**
 * A re-iterable, lazily generated stream of crime events: each iteration starts again from the
 * same seed, so two passes give the same events without holding them in memory.
 */
export function syntheticCrimeEvents(seed: number, period: Period, count: number): () => Iterable<SynthCrimeEvent> {
  return function* crimeEvents(): Generator<SynthCrimeEvent> {
    if (count === 0) return;
    const rng = new Rng(seed).fork('crime');
    const pools = buildPools(rng.fork('snap-points'));
    const draw = rng.fork('events');
    // The city records far more crime per resident than the rural districts.
    const districtTable = new WeightedTable(
      pools.map(
        (pool) => [pool, districtInfoOf(pool.code).population * (pool.code === NOTTINGHAM_CITY ? 2.2 : 1)] as const,
      ),
    );
    const months = monthsWithin(period.start, period.end);
    // Mild seasonality: more crime in summer months.
    const monthTable = new WeightedTable(
      months.map(
        (month) => [month, 1 + 0.12 * Math.sin(((Number(month.slice(5, 7)) - 4) / 12) * 2 * Math.PI)] as const,
      ),
    );
    const typeTable = new WeightedTable(crimeTypes.map(([type, weight]) => [type, weight] as const));
    for (let n = 1; n <= count; n++) {
      const district = districtTable.draw(draw);
      let location: LonLat;
      if (draw.float() < RURAL_SHARE) {
        location = district.rural[Math.floor(draw.float() * district.rural.length)] as LonLat;
      } else {
        const pool = district.towns.draw(draw).points;
        // Squaring a uniform skews towards index 0, the town centre.
        const u = draw.float();
        location = pool[Math.floor(u * u * pool.length)] as LonLat;
      }
      yield {
        id: `synth-${n}`,
        month: monthTable.draw(draw),
        // A fresh object per event: consumers may keep or change it without touching the pool.
        location: { lon: location.lon, lat: location.lat },
        crimeType: typeTable.draw(draw),
        districtCode: district.code,
      };
    }
  };
}
