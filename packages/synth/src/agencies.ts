/**
 * The partnership: the agencies that share information through Lantern. Names are public bodies
 * (or generic descriptions of commissioned services), never people.
 */
import type { Rng } from './rng.ts';
import { COUNTY_COUNCIL, countyDistrictCodes, districtInfoOf, NOTTINGHAM_CITY } from './towns.ts';
import type { SynthAgency } from './types.ts';

export interface Agencies {
  all: SynthAgency[];
  police: SynthAgency;
  countyCouncil: SynthAgency;
  cityCouncil: SynthAgency;
  health: SynthAgency;
  education: SynthAgency;
  charity: SynthAgency;
  /** District council by district code (the seven county districts). */
  districtCouncils: Map<string, SynthAgency>;
}

export function generateAgencies(rng: Rng): Agencies {
  const agency = (name: string, kind: SynthAgency['kind'], districtCode: string | null): SynthAgency => ({
    id: rng.uuid(),
    name,
    kind,
    districtCode,
  });
  const police = agency('Nottinghamshire Police', 'police', null);
  const countyCouncil = agency(COUNTY_COUNCIL, 'county_council', null);
  // A unitary authority: the upper-tier kind fits it better than 'district_council'.
  const cityCouncil = agency(districtInfoOf(NOTTINGHAM_CITY).council, 'county_council', NOTTINGHAM_CITY);
  const districtCouncils = new Map(
    countyDistrictCodes.map((code) => [code, agency(districtInfoOf(code).council, 'district_council', code)]),
  );
  const health = agency('Nottinghamshire Healthcare NHS Foundation Trust', 'health', null);
  const education = agency('Nottinghamshire Schools Safeguarding Network', 'education', null);
  const charity = agency("Nottinghamshire Young People's Outreach (charity)", 'charity', null);
  return {
    all: [police, countyCouncil, cityCouncil, ...districtCouncils.values(), health, education, charity],
    police,
    countyCouncil,
    cityCouncil,
    health,
    education,
    charity,
    districtCouncils,
  };
}

/** The council for a district code, the city council for Nottingham. */
export function councilFor(agencies: Agencies, districtCode: string): SynthAgency {
  if (districtCode === NOTTINGHAM_CITY) return agencies.cityCouncil;
  const council = agencies.districtCouncils.get(districtCode);
  if (!council) throw new Error(`No council for district '${districtCode}'`);
  return council;
}
