import type { Database } from '@lantern/db';
import { AppError, policyFor } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaceRecord } from '../../../../tests/support/domain-factories.ts';
import { createUser } from '../../../../tests/support/factories.ts';
import { createTestDatabase } from '../../../../tests/support/test-database.ts';
import { accessFor } from '../access/access.ts';
import { updatePlace } from './update-place.ts';

/** `updatePlace` called as a use case: optimistic concurrency and the audit, without tRPC. */
const procedure = 'places.update';
const policy = policyFor(procedure);
if (!policy) throw new Error(`${procedure} has no policy`);

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('updatePlace', () => {
  it('changes the place, bumps its version and audits the names of the fields changed', async () => {
    const place = await createPlaceRecord(db, { districtCode: 'E07000174' });
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });

    const updated = await updatePlace({ db }, accessFor(officer, procedure, policy), {
      id: place.id,
      version: place.version,
      changes: { name: 'Chip shop on Stockwell Gate' },
    });

    expect(updated).toMatchObject({ id: place.id, name: 'Chip shop on Stockwell Gate', version: place.version + 1 });
    const audit = await db.prisma.auditEvent.findFirst({
      where: { userId: officer.id, procedure },
      select: { action: true, recordIds: true, details: true },
    });
    expect(audit).toEqual({ action: 'update', recordIds: [place.id], details: { fields: ['name'] } });
  });

  it('refuses a stale version with the one CONFLICT message and changes nothing', async () => {
    const place = await createPlaceRecord(db, { districtCode: 'E07000174', name: 'Before' });
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
    const access = accessFor(officer, procedure, policy);
    await updatePlace({ db }, access, { id: place.id, version: place.version, changes: { name: 'First' } });

    const stale = updatePlace({ db }, access, { id: place.id, version: place.version, changes: { name: 'Second' } });

    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `version: place ${place.id} was changed by someone else since you read version ${place.version} (it is now version ${place.version + 1}); reload it and make your change again`,
    });
    const stored = await db.prisma.placeOfConcern.findUnique({ where: { id: place.id }, select: { name: true } });
    expect(stored?.name).toBe('First');
  });

  it('does not find a place outside the caller’s districts', async () => {
    const place = await createPlaceRecord(db, { districtCode: 'E07000170' });
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });

    const outside = updatePlace({ db }, accessFor(officer, procedure, policy), {
      id: place.id,
      version: place.version,
      changes: { name: 'Anything' },
    });

    await expect(outside).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `No place ${place.id} in your districts`,
    });
  });
});
