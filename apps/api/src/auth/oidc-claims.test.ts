import { describe, expect, it } from 'vitest';
import { claimValues, identityFromClaims, mapDistricts, mapRoles, safeReturnTo } from './oidc-claims.ts';

const roleMap = [
  { claimValue: 'Lantern.Analyst', role: 'police_analyst' as const },
  { claimValue: 'Lantern.Officer', role: 'district_officer' as const },
  { claimValue: 'Lantern.Admin', role: 'admin' as const },
  { claimValue: 'Lantern.Admin', role: 'missing_coordinator' as const },
];
const settings = { roleClaim: 'roles', roleMap, districtClaim: 'districts' };

describe('safeReturnTo', () => {
  it('defaults to the home page', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo('')).toBe('/');
  });

  it('keeps a relative path with its query and fragment', () => {
    expect(safeReturnTo('/people/123?tab=links#top')).toBe('/people/123?tab=links#top');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeReturnTo('/a/../../b')).toBe('/b');
  });

  it.each([
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'people',
  ])('refuses %j, which could lead off the site', (value) => {
    expect(safeReturnTo(value)).toBeNull();
  });

  it('refuses something that is not a string', () => {
    expect(safeReturnTo(['/a', '/b'])).toBeNull();
  });
});

describe('claim mapping', () => {
  it('reads a claim given as an array or as a space-separated string', () => {
    expect(claimValues({ roles: ['a', 'b', 3] }, 'roles')).toEqual(['a', 'b']);
    expect(claimValues({ roles: ' a  b ' }, 'roles')).toEqual(['a', 'b']);
    expect(claimValues({ roles: { a: 1 } }, 'roles')).toEqual([]);
    expect(claimValues({}, 'roles')).toEqual([]);
  });

  it('maps role values through the role map, ignoring values it does not name', () => {
    expect(mapRoles(['Lantern.Officer', 'Lantern.Analyst', 'Payroll.Clerk'], roleMap)).toEqual([
      'police_analyst',
      'district_officer',
    ]);
    expect(mapRoles(['Lantern.Admin'], roleMap)).toEqual(['missing_coordinator', 'admin']);
    expect(mapRoles(['lantern.analyst'], roleMap)).toEqual([]);
  });

  it('keeps only Lantern district codes, once each', () => {
    expect(mapDistricts(['E07000176', 'E07000174', 'E07000174', 'E09000001', 'Mansfield'])).toEqual([
      'E07000174',
      'E07000176',
    ]);
  });
});

describe('identityFromClaims', () => {
  it('describes the user in Lantern terms', () => {
    const identity = identityFromClaims(
      {
        sub: 'abc',
        email: 'Amy.Baker@Notts.Example',
        email_verified: true,
        name: 'Amy Baker',
        roles: ['Lantern.Officer'],
        districts: 'E07000174 E06000018',
      },
      'https://idp.example',
      settings,
    );
    expect(identity).toEqual({
      issuer: 'https://idp.example',
      subject: 'abc',
      email: 'amy.baker@notts.example',
      displayName: 'Amy Baker',
      roles: ['district_officer'],
      districtCodes: ['E06000018', 'E07000174'],
    });
  });

  it('does not trust an address the provider says is unverified', () => {
    const identity = identityFromClaims(
      { sub: 'abc', email: 'amy@notts.example', email_verified: false },
      'https://idp.example',
      settings,
    );
    expect(identity.email).toBeNull();
    expect(identity.displayName).toBe('abc');
  });

  it('builds a display name from given and family names when there is no name', () => {
    const identity = identityFromClaims(
      { sub: 'abc', given_name: 'Amy', family_name: 'Baker', email: 'amy@notts.example' },
      'https://idp.example',
      settings,
    );
    expect(identity.displayName).toBe('Amy Baker');
  });
});
