/**
 * Factories for children and associates. A child's district, home town and exploitation flags are
 * decided together because the seeds tie them: sexual exploitation concentrates in Mansfield and
 * Ashfield, criminal exploitation in Gedling and Rushcliffe on the city border, and each mostly
 * affects one sex.
 */
import type { CareStatus, ExploitationRisk, RhiService, Sex } from '@lantern/domain';
import { addDays, addYears, daysBetween } from '@lantern/domain';
import { scatterInside } from './geography.ts';
import { type PseudonymIssuer, sequentialRef, syntheticName, syntheticNickname } from './names.ts';
import type { Rng } from './rng.ts';
import {
  ASHFIELD,
  BASSETLAW,
  BROXTOWE,
  COUNTY_COUNCIL,
  countyDistrictCodes,
  districtInfoOf,
  GEDLING,
  MANSFIELD,
  NEWARK_AND_SHERWOOD,
  placingAuthorities,
  RUSHCLIFFE,
  type Town,
  townsIn,
} from './towns.ts';
import type { LonLat, SynthPerson } from './types.ts';

export type ExploitationType = 'cse' | 'cce';

/** Relative likelihood (per child resident) of each kind of exploitation flag, by district. */
const exploitationMultiplier: Record<ExploitationType | 'none', Record<string, number>> = {
  cse: {
    [ASHFIELD]: 2.3,
    [BASSETLAW]: 1.0,
    [BROXTOWE]: 0.8,
    [GEDLING]: 0.8,
    [MANSFIELD]: 2.5,
    [NEWARK_AND_SHERWOOD]: 0.9,
    [RUSHCLIFFE]: 0.6,
  },
  cce: {
    [ASHFIELD]: 0.8,
    [BASSETLAW]: 0.6,
    [BROXTOWE]: 0.9,
    [GEDLING]: 2.8,
    [MANSFIELD]: 0.8,
    [NEWARK_AND_SHERWOOD]: 0.6,
    [RUSHCLIFFE]: 2.6,
  },
  none: Object.fromEntries(countyDistrictCodes.map((code) => [code, 1])),
};

/** A county district for a child, by child population and the kind of exploitation (if any). */
export function pickChildDistrict(rng: Rng, exploitation: ExploitationType | 'none'): string {
  const multipliers = exploitationMultiplier[exploitation];
  return rng.weighted(
    countyDistrictCodes.map((code) => [code, districtInfoOf(code).childPopulation * (multipliers[code] ?? 1)] as const),
  );
}

/** A town in the district; criminal exploitation leans to the towns on the city border. */
export function pickTown(rng: Rng, districtCode: string, preferCityBorder = false): Town {
  const candidates = townsIn(districtCode);
  return rng.weighted(candidates.map((town) => [town, town.weight * (preferCityBorder && town.cityBorder ? 4 : 1)]));
}

/** A date of birth such that the person is `age` (fractional years) on `onDate`. */
export function dateOfBirthForAge(onDate: string, age: number): string {
  const wholeYears = Math.floor(age);
  // Between 1 and 364 days past the birthday, so the whole-year age on `onDate` is exactly `wholeYears`.
  const daysPast = Math.min(364, Math.max(1, Math.floor((age - wholeYears) * 365)));
  return addDays(addYears(onDate, -wholeYears), -daysPast);
}

export interface ChildProfile {
  person: SynthPerson;
  homeTown: Town;
  /** Home or placement address area (never a real address: a scattered point near the town). */
  home: LonLat;
  /** The RHI service for this child's episodes. */
  rhiService: RhiService;
  exploitation: ExploitationType[];
}

export interface ChildOptions {
  sex: Sex;
  dateOfBirth: string;
  careStatus: CareStatus;
  exploitation: ExploitationType[];
  /** Flag dates for the exploitation types, 'YYYY-MM-DD'. */
  flaggedAt: Partial<Record<ExploitationType, string>>;
  adopted?: boolean;
}

function riskLevel(rng: Rng): ExploitationRisk {
  return rng.weighted<ExploitationRisk>([
    ['low', 0.45],
    ['medium', 0.35],
    ['high', 0.2],
  ]);
}

export class PeopleFactory {
  private childCount = 0;

  constructor(
    private readonly rng: Rng,
    private readonly pseudonyms: PseudonymIssuer,
    /** Offset so child references do not start at 1. */
    private readonly childRefStart: number,
  ) {}

  child(options: ChildOptions): ChildProfile {
    const { rng } = this;
    const primary: ExploitationType | 'none' = options.exploitation[0] ?? 'none';
    const homeDistrictCode = pickChildDistrict(rng, primary);
    const homeTown = pickTown(rng, homeDistrictCode, options.exploitation.includes('cce'));
    const home = scatterInside(rng, homeTown.centre, homeTown.spreadMetres, homeDistrictCode);
    const name = syntheticName(rng, options.sex);
    const rhiService: RhiService =
      options.careStatus === 'ola_care'
        ? 'other_local_authority'
        : options.careStatus === 'county_care'
          ? 'childrens_social_care'
          : options.adopted
            ? 'adoption_service'
            : rng.chance(0.5)
              ? 'childrens_social_care'
              : 'family_service';
    this.childCount += 1;
    const person: SynthPerson = {
      id: rng.uuid(),
      kind: 'child',
      pseudonymRef: this.pseudonyms.next('C'),
      externalRef: sequentialRef('CH', this.childRefStart + this.childCount * 3 + rng.int(0, 2)),
      givenName: name.givenName,
      familyName: name.familyName,
      aliases: [],
      dateOfBirth: options.dateOfBirth,
      sex: options.sex,
      careStatus: options.careStatus,
      responsibleAuthority: options.careStatus === 'ola_care' ? rng.pick(placingAuthorities) : COUNTY_COUNCIL,
      homeDistrictCode,
      cseRisk: options.exploitation.includes('cse') ? riskLevel(rng) : 'none',
      cseFlaggedAt: options.exploitation.includes('cse') ? (options.flaggedAt.cse ?? null) : null,
      cceRisk: options.exploitation.includes('cce') ? riskLevel(rng) : 'none',
      cceFlaggedAt: options.exploitation.includes('cce') ? (options.flaggedAt.cce ?? null) : null,
    };
    return { person, homeTown, home, rhiService, exploitation: [...options.exploitation] };
  }

  /** An adult or peer suspected of exploiting or endangering children. */
  associate(options: { districtCode: string; ageOnDate: string; age: number; sex: Sex }): SynthPerson {
    const { rng } = this;
    const name = syntheticName(rng, options.sex);
    const aliases = rng.chance(0.4) ? [syntheticNickname(rng)] : [];
    return {
      id: rng.uuid(),
      kind: 'associate',
      pseudonymRef: this.pseudonyms.next('A'),
      externalRef: null,
      givenName: name.givenName,
      familyName: name.familyName,
      aliases,
      dateOfBirth: dateOfBirthForAge(options.ageOnDate, options.age),
      sex: options.sex,
      careStatus: null,
      responsibleAuthority: null,
      homeDistrictCode: options.districtCode,
      cseRisk: 'none',
      cseFlaggedAt: null,
      cceRisk: 'none',
      cceFlaggedAt: null,
    };
  }
}

/** A date uniformly inside [from, to] (inclusive dates). */
export function dateBetween(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}
