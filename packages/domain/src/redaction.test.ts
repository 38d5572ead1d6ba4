import { describe, expect, it } from 'vitest';
import { ageInYears } from './calendar/calendar.ts';
import { ageBand, hasPersonLevelAccess, initials, personView, suppressSmallCount } from './redaction.ts';

describe('personView', () => {
  it('shows children to district officers and NSD attendees only pseudonymised', () => {
    expect(personView(['district_officer'], 'child')).toBe('pseudonymised');
    expect(personView(['nsd_attendee'], 'child')).toBe('pseudonymised');
  });

  it('gives admins no person-level view unless they also hold a role that has one', () => {
    expect(personView(['admin'], 'child')).toBe('hidden');
    expect(personView(['admin', 'missing_coordinator'], 'child')).toBe('full');
    expect(hasPersonLevelAccess(['admin'])).toBe(false);
    expect(hasPersonLevelAccess(['district_officer'])).toBe(false);
    expect(hasPersonLevelAccess(['missing_coordinator'])).toBe(true);
  });

  it('takes the most open view of several roles', () => {
    expect(personView(['nsd_attendee', 'district_officer'], 'associate')).toBe('full');
  });
});

describe('pseudonymisation helpers', () => {
  it('makes initials from the names', () => {
    expect(initials(' amy', 'Baker-Jones')).toBe('AB');
  });

  it('counts a birthday on the day', () => {
    expect(ageInYears('2010-03-15', '2026-03-14')).toBe(15);
    expect(ageInYears('2010-03-15', '2026-03-15')).toBe(16);
    expect(ageBand('2010-03-15', '2026-03-15')).toBe('16–17');
    expect(ageBand(null, '2026-03-15')).toBe('unknown');
  });

  it('suppresses 1 to 4 only', () => {
    expect([0, 1, 4, 5, 12].map(suppressSmallCount)).toEqual([0, '<5', '<5', 5, 12]);
  });
});
