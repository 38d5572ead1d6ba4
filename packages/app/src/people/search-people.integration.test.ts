import type { Database } from '@lantern/db';
import { policyFor } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonRecord, createUser } from '../../../../tests/support/factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { searchPeople } from './search-people.ts';

/** `searchPeople` called as a use case: no tRPC, no HTTP, a principal and its access. */
const procedure = 'people.search';
const policy = policyFor(procedure);
if (!policy) throw new Error(`${procedure} has no policy`);

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('searchPeople', () => {
  it('finds a child in the caller’s districts only, and audits the search with what it returned', async () => {
    const familyName = `Quennell${Date.now()}`;
    const mansfield = await createPersonRecord(db, { familyName, homeDistrictCode: 'E07000174' });
    await createPersonRecord(db, { familyName, homeDistrictCode: 'E07000170' });
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });

    const result = await searchPeople({ db }, accessFor(coordinator, procedure, policy), {
      name: familyName,
      limit: 50,
    });

    expect(result.people.map((found) => found.person.id)).toEqual([mansfield.id]);
    const audit = await db.prisma.auditEvent.findFirst({
      where: { userId: coordinator.id, procedure },
      select: { action: true, role: true, recordIds: true },
    });
    expect(audit).toEqual({ action: 'search', role: 'missing_coordinator', recordIds: [mansfield.id] });
  });

  it('does not let a pseudonymised role find a child by name, and says nothing about who exists', async () => {
    const familyName = `Ravensworth${Date.now()}`;
    await createPersonRecord(db, { familyName, homeDistrictCode: 'E07000174' });
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });

    const result = await searchPeople({ db }, accessFor(officer, procedure, policy), { name: familyName, limit: 50 });

    expect(result.people).toEqual([]);
  });

  it('shows a district officer a child pseudonymised, and a coordinator the same child in full', async () => {
    // Born on 1 January twelve years ago: eleven or twelve today, so the band is 10–13 all year.
    const dateOfBirth = `${new Date().getUTCFullYear() - 12}-01-01`;
    const child = await createPersonRecord(db, {
      givenName: 'Tamsin',
      familyName: `Whitlock${Date.now()}`,
      homeDistrictCode: 'E07000175',
      dateOfBirth,
    });
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000175'] });
    const coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000175'] });
    const byDistrict = { districtCode: 'E07000175', kind: 'child', limit: 50 } as const;

    const seenByOfficer = await searchPeople({ db }, accessFor(officer, procedure, policy), byDistrict);
    const seenByCoordinator = await searchPeople({ db }, accessFor(coordinator, procedure, policy), byDistrict);

    expect(seenByOfficer.people).toEqual([
      {
        person: {
          view: 'pseudonymised',
          id: child.id,
          kind: 'child',
          pseudonymRef: child.pseudonymRef,
          initials: 'TW',
          ageBand: '10–13',
          homeDistrictCode: 'E07000175',
        },
        score: null,
      },
    ]);
    expect(seenByCoordinator.people).toEqual([
      {
        person: expect.objectContaining({
          view: 'full',
          id: child.id,
          givenName: 'Tamsin',
          familyName: child.familyName,
          dateOfBirth,
        }),
        score: null,
      },
    ]);
  });
});
