import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.ts';
import { assertFitsTactic, disruptionRefusal } from './may-act.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';
const pspo = {
  name: 'Public Spaces Protection Order',
  holderAgencyKinds: ['district_council'] as const,
  targetTypes: ['place'] as const,
};
const cawn = {
  name: 'Child Abduction Warning Notice',
  holderAgencyKinds: ['police'] as const,
  targetTypes: ['person'] as const,
};

const councilOfficer = {
  roles: ['district_officer'] as const,
  agencyKind: 'district_council' as const,
  scope: [mansfield],
};
const analyst = { roles: ['police_analyst'] as const, agencyKind: 'police' as const, scope: 'all' as const };

describe('disruptionRefusal', () => {
  it('lets a district council officer use a district council power in their district', () => {
    expect(disruptionRefusal(councilOfficer, mansfield, pspo)).toBeNull();
  });

  it('keeps a district officer to their districts', () => {
    expect(disruptionRefusal(councilOfficer, gedling, pspo)).toEqual({
      field: 'districtCode',
      message: `${gedling} is outside your districts`,
    });
  });

  it('refuses a district officer a power their agency does not hold', () => {
    expect(disruptionRefusal(councilOfficer, mansfield, cawn)).toEqual({
      field: 'tacticId',
      message:
        'the power of a Child Abduction Warning Notice is held by police; your agency (district council) does not hold it',
    });
  });

  it('lets a police analyst record any tactic in any district', () => {
    expect(disruptionRefusal(analyst, gedling, pspo)).toBeNull();
    expect(disruptionRefusal(analyst, mansfield, cawn)).toBeNull();
  });

  it('gives an NSD attendee no power at all', () => {
    const attendee = { roles: ['nsd_attendee'] as const, agencyKind: 'district_council' as const, scope: [mansfield] };
    expect(disruptionRefusal(attendee, mansfield, pspo)?.field).toBe('tacticId');
  });
});

describe('assertFitsTactic', () => {
  it('refuses a holding agency of the wrong kind', () => {
    let error: unknown;
    try {
      assertFitsTactic(pspo, { name: 'Nottinghamshire Police', kind: 'police' }, 'place');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      'holderAgencyId: Nottinghamshire Police (police) does not hold the power of a Public Spaces Protection Order; it is held by district council',
    );
  });

  it('refuses a target the tactic does not apply to', () => {
    expect(() =>
      assertFitsTactic(pspo, { name: 'Mansfield District Council', kind: 'district_council' }, 'person'),
    ).toThrow('target.type: a Public Spaces Protection Order applies to place, not to a person');
  });
});
