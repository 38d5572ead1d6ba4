/**
 * Demo accounts, one for every role and district scope, so each screen can be tried as the
 * person who would use it. They share one demo password, printed by the seed and the README;
 * they exist only in synthetic datasets.
 */
import type { Role } from '@lantern/domain';
import { type Agencies, councilFor, generateAgencies } from './agencies.ts';
import { Rng } from './rng.ts';
import { allDistrictCodes, countyDistrictCodes, districtInfoOf } from './towns.ts';
import type { SynthAgency, SynthUser } from './types.ts';

/** At least 12 characters and not on any common-password list. */
export const DEMO_PASSWORD = 'lantern-demo-2026';

export interface DemoUserSpec {
  email: string;
  displayName: string;
  roles: Role[];
  districtCodes: string[];
}

interface DemoUserPlan extends DemoUserSpec {
  agency: SynthAgency;
}

function plan(agencies: Agencies): DemoUserPlan[] {
  const plans: DemoUserPlan[] = [
    {
      email: 'analyst@lantern.test',
      displayName: 'Demo Police Analyst',
      roles: ['police_analyst'],
      districtCodes: [...allDistrictCodes],
      agency: agencies.police,
    },
    {
      email: 'coordinator@lantern.test',
      displayName: 'Demo Missing Children Coordinator',
      roles: ['missing_coordinator'],
      districtCodes: [...countyDistrictCodes],
      agency: agencies.countyCouncil,
    },
    {
      email: 'admin@lantern.test',
      displayName: 'Demo Administrator',
      roles: ['admin'],
      districtCodes: [],
      agency: agencies.countyCouncil,
    },
  ];
  // NSD meetings are chaired by the police and attended by partners: rotate the partner agencies.
  const nsdAgencies = [agencies.police, agencies.countyCouncil, agencies.health, agencies.education, agencies.charity];
  allDistrictCodes.forEach((code, index) => {
    const info = districtInfoOf(code);
    plans.push({
      email: `officer.${info.slug}@lantern.test`,
      displayName: `Demo District Officer (${info.name})`,
      roles: ['district_officer'],
      districtCodes: [code],
      agency: councilFor(agencies, code),
    });
    plans.push({
      email: `nsd.${info.slug}@lantern.test`,
      displayName: `Demo NSD Attendee (${info.name})`,
      roles: ['nsd_attendee'],
      districtCodes: [code],
      agency: nsdAgencies[index % nsdAgencies.length] ?? agencies.police,
    });
  });
  // A second police analyst: a problem profile is approved by an analyst other than its author
  // (issue 16). Last in the list, so the other accounts keep their generated ids.
  plans.push({
    email: 'reviewer@lantern.test',
    displayName: 'Demo Reviewing Analyst',
    roles: ['police_analyst'],
    districtCodes: [...allDistrictCodes],
    agency: agencies.police,
  });
  return plans;
}

export function generateUsers(rng: Rng, agencies: Agencies): SynthUser[] {
  return plan(agencies).map(({ agency, ...spec }) => ({
    id: rng.uuid(),
    email: spec.email,
    displayName: spec.displayName,
    agencyId: agency.id,
    roles: spec.roles,
    districtCodes: spec.districtCodes,
    password: DEMO_PASSWORD,
  }));
}

/** The demo accounts without ids, for documentation and the seed's console output. */
export function demoUsers(): (DemoUserSpec & { agencyName: string })[] {
  // Agency ids play no part in the listing, so any seed will do.
  return plan(generateAgencies(new Rng(0))).map(({ agency, ...spec }) => ({ ...spec, agencyName: agency.name }));
}
