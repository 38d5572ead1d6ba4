import type { CurrentUser } from '@lantern/domain';

/** A signed-in user of the given roles in Mansfield, for component tests. */
export function testUser(roles: CurrentUser['roles']): CurrentUser {
  return {
    id: '0a0a6c1e-2222-4d7e-9a43-5b6f3f0c1a33',
    email: 'someone@lantern.test',
    displayName: 'Someone',
    agency: 'Agency',
    agencyKind: roles.includes('district_officer') ? 'district_council' : 'police',
    roles,
    districtCodes: ['E07000174'],
    personLevelAccess: roles.includes('police_analyst') || roles.includes('missing_coordinator'),
  };
}

/** A child as a person-level role sees them (people.get's full view), for component tests. */
export const fullChild = {
  view: 'full',
  id: '6f1c0c4e-9b1a-4c1e-8f3a-2d9b7e0a1c55',
  kind: 'child',
  pseudonymRef: 'C-7K3Q9P',
  givenName: 'Robin',
  familyName: 'Ashdown',
  aliases: [],
  dateOfBirth: '2010-03-04',
  sex: 'F',
  careStatus: 'county_care',
  responsibleAuthority: null,
  homeDistrictCode: 'E07000174',
  cseRisk: 'none',
  cseFlaggedAt: null,
  cceRisk: 'none',
  cceFlaggedAt: null,
  version: 1,
};
