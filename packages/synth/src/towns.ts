/**
 * Towns, councils and rough populations of the seven Nottinghamshire districts and Nottingham
 * City. Synthetic people, places and crime cluster around these real town centres, so hotspots
 * appear where a user would expect them. Populations are rounded Census 2021 figures and child
 * (0–17) populations an approximate 21% of them: good enough to weight the generator and to
 * express flag rates per 1,000 children, not for publication.
 */
import { type Town, towns } from '@lantern/domain';
import type { LonLat } from './types.ts';

export const NOTTINGHAM_CITY = 'E06000018';
export const ASHFIELD = 'E07000170';
export const BASSETLAW = 'E07000171';
export const BROXTOWE = 'E07000172';
export const GEDLING = 'E07000173';
export const MANSFIELD = 'E07000174';
export const NEWARK_AND_SHERWOOD = 'E07000175';
export const RUSHCLIFFE = 'E07000176';

export const countyDistrictCodes = [
  ASHFIELD,
  BASSETLAW,
  BROXTOWE,
  GEDLING,
  MANSFIELD,
  NEWARK_AND_SHERWOOD,
  RUSHCLIFFE,
] as const;

export const allDistrictCodes = [NOTTINGHAM_CITY, ...countyDistrictCodes] as const;

export interface DistrictInfo {
  code: string;
  name: string;
  /** Slug for demo e-mail addresses. */
  slug: string;
  council: string;
  population: number;
  childPopulation: number;
}

export const districtInfo: Record<string, DistrictInfo> = {
  [NOTTINGHAM_CITY]: {
    code: NOTTINGHAM_CITY,
    name: 'Nottingham',
    slug: 'nottingham',
    council: 'Nottingham City Council',
    population: 323_600,
    childPopulation: 66_000,
  },
  [ASHFIELD]: {
    code: ASHFIELD,
    name: 'Ashfield',
    slug: 'ashfield',
    council: 'Ashfield District Council',
    population: 127_200,
    childPopulation: 26_700,
  },
  [BASSETLAW]: {
    code: BASSETLAW,
    name: 'Bassetlaw',
    slug: 'bassetlaw',
    council: 'Bassetlaw District Council',
    population: 116_900,
    childPopulation: 24_300,
  },
  [BROXTOWE]: {
    code: BROXTOWE,
    name: 'Broxtowe',
    slug: 'broxtowe',
    council: 'Broxtowe Borough Council',
    population: 109_500,
    childPopulation: 22_100,
  },
  [GEDLING]: {
    code: GEDLING,
    name: 'Gedling',
    slug: 'gedling',
    council: 'Gedling Borough Council',
    population: 117_800,
    childPopulation: 23_900,
  },
  [MANSFIELD]: {
    code: MANSFIELD,
    name: 'Mansfield',
    slug: 'mansfield',
    council: 'Mansfield District Council',
    population: 110_500,
    childPopulation: 23_200,
  },
  [NEWARK_AND_SHERWOOD]: {
    code: NEWARK_AND_SHERWOOD,
    name: 'Newark and Sherwood',
    slug: 'newark-and-sherwood',
    council: 'Newark and Sherwood District Council',
    population: 122_900,
    childPopulation: 25_000,
  },
  [RUSHCLIFFE]: {
    code: RUSHCLIFFE,
    name: 'Rushcliffe',
    slug: 'rushcliffe',
    council: 'Rushcliffe Borough Council',
    population: 119_200,
    childPopulation: 25_600,
  },
};

export function districtInfoOf(code: string): DistrictInfo {
  const info = districtInfo[code];
  if (!info) throw new Error(`Unknown district code '${code}'`);
  return info;
}

export { type Town, towns } from '@lantern/domain';

export function townsIn(districtCode: string): Town[] {
  return towns.filter((candidate) => candidate.districtCode === districtCode);
}

/** The town whose centre is nearest to a point (optionally only within one district). */
export function nearestTown(point: LonLat, districtCode?: string): Town {
  let best: Town | undefined;
  let bestDistance = Infinity;
  for (const candidate of towns) {
    if (districtCode && candidate.districtCode !== districtCode) continue;
    const dx = (candidate.centre.lon - point.lon) * Math.cos((point.lat * Math.PI) / 180);
    const dy = candidate.centre.lat - point.lat;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  if (!best) throw new Error(`No town in district '${districtCode ?? 'any'}'`);
  return best;
}

/** Other local authorities that place children in Nottinghamshire (for 'ola_care' children). */
export const placingAuthorities = [
  'Derby City Council',
  'Derbyshire County Council',
  'Leicestershire County Council',
  'Leicester City Council',
  'Lincolnshire County Council',
  'Nottingham City Council',
  'Sheffield City Council',
  'Doncaster Council',
  'Rotherham Metropolitan Borough Council',
  'Birmingham City Council',
  'Staffordshire County Council',
  'North Lincolnshire Council',
] as const;

export const COUNTY_COUNCIL = 'Nottinghamshire County Council';
