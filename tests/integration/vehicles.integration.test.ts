import type { Database, Principal } from '@lantern/db';
import { AppError } from '@lantern/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createVehicleRecord } from '../support/domain-factories.ts';
import { createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

/** vehicles.search/get/create/update (issue 14): by registration, not district-scoped, audited. */
let db: Database;
let analyst: Principal;
let coordinator: Principal;
let officer: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: ['E07000174'] });
  officer = await createUser(db, { roles: ['district_officer'], districtCodes: ['E07000174'] });
});
afterAll(() => db.close());

const auditOf = (userId: string) =>
  db.prisma.auditEvent.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { action: true, procedure: true, recordType: true, recordIds: true, details: true },
  });

describe('vehicles.create', () => {
  it('records a vehicle with its registration as the DVLA prints it, audited', async () => {
    const vehicle = await callerFor(db, analyst).vehicles.create({
      registration: 'yx19 abc',
      make: 'Vauxhall',
      model: 'Corsa',
      colour: 'silver',
    });
    expect(vehicle).toEqual({
      id: expect.any(String),
      registration: 'YX19ABC',
      make: 'Vauxhall',
      model: 'Corsa',
      colour: 'silver',
      notes: null,
      version: 1,
    });
    expect((await auditOf(analyst.id)).at(-1)).toEqual({
      action: 'create',
      procedure: 'vehicles.create',
      recordType: 'vehicle',
      recordIds: [vehicle.id],
      details: {},
    });
  });

  it('refuses a registration already recorded, naming the field', async () => {
    const existing = await createVehicleRecord(db);
    expect(
      await rejection(callerFor(db, coordinator).vehicles.create({ registration: existing.registration })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: `registration: ${existing.registration} is already recorded as another vehicle`,
    });
  });

  it('refuses a registration that is not letters and digits', async () => {
    expect(await rejection(callerFor(db, analyst).vehicles.create({ registration: 'AB-12' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'registration: must be a registration of 2–8 letters and digits, e.g. AB12CDE',
    });
  });

  it('is for the roles that record people: a district officer is refused', async () => {
    expect((await rejection(callerFor(db, officer).vehicles.create({ registration: 'OF11CER' }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('vehicles.search and vehicles.get', () => {
  it('finds vehicles by part of the registration, exact and leading matches first, and audits the search', async () => {
    const caller = callerFor(db, analyst);
    const exact = await caller.vehicles.create({ registration: 'SR12CH' });
    const leading = await caller.vehicles.create({ registration: 'SR12CHX' });
    const inside = await caller.vehicles.create({ registration: 'ASR12CH' });
    const found = await callerFor(db, officer).vehicles.search({ registration: 'sr12 ch', limit: 10 });
    expect(found.vehicles.map((vehicle) => vehicle.id)).toEqual([exact.id, leading.id, inside.id]);
    expect((await auditOf(officer.id)).at(-1)).toEqual({
      action: 'search',
      procedure: 'vehicles.search',
      recordType: 'vehicle',
      recordIds: [exact.id, leading.id, inside.id],
      details: { criteria: { registration: 'SR12CH' } },
    });
  });

  it('reads one vehicle, audited, and says NOT_FOUND for an unknown id', async () => {
    const vehicle = await createVehicleRecord(db);
    expect((await callerFor(db, officer).vehicles.get({ id: vehicle.id })).registration).toBe(vehicle.registration);
    expect((await auditOf(officer.id)).at(-1)).toMatchObject({ action: 'read', recordIds: [vehicle.id] });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await rejection(callerFor(db, officer).vehicles.get({ id: unknown }))).toEqual({
      code: 'NOT_FOUND',
      message: `No vehicle ${unknown}`,
    });
  });
});

describe('vehicles.update', () => {
  it('changes the fields named and bumps the version, auditing the field names only', async () => {
    const vehicle = await createVehicleRecord(db);
    const changed = await callerFor(db, coordinator).vehicles.update({
      id: vehicle.id,
      version: 1,
      changes: { colour: 'black', notes: 'tinted rear windows' },
    });
    expect(changed).toMatchObject({ colour: 'black', notes: 'tinted rear windows', version: 2 });
    expect((await auditOf(coordinator.id)).at(-1)).toEqual({
      action: 'update',
      procedure: 'vehicles.update',
      recordType: 'vehicle',
      recordIds: [vehicle.id],
      details: { fields: ['colour', 'notes'] },
    });
  });

  it('refuses a stale version with CONFLICT naming who changed it and when, and changes nothing', async () => {
    const vehicle = await createVehicleRecord(db);
    const before = Date.now();
    await callerFor(db, analyst).vehicles.update({ id: vehicle.id, version: 1, changes: { colour: 'red' } });
    const error = await callerFor(db, coordinator)
      .vehicles.update({ id: vehicle.id, version: 1, changes: { colour: 'blue' } })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(TRPCError);
    const trpcError = error as TRPCError;
    expect(trpcError.code).toBe('CONFLICT');
    expect(trpcError.message).toBe(
      `version: vehicle ${vehicle.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    );
    const cause = trpcError.cause as AppError;
    expect(cause).toBeInstanceOf(AppError);
    expect(cause.conflict).toEqual({
      currentVersion: 2,
      changedBy: analyst.displayName,
      changedAt: expect.any(String),
    });
    expect(Date.parse(cause.conflict?.changedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect((await callerFor(db, analyst).vehicles.get({ id: vehicle.id })).colour).toBe('red');
  });

  it('refuses a registration another vehicle has', async () => {
    const first = await createVehicleRecord(db);
    const second = await createVehicleRecord(db);
    expect(
      await rejection(
        callerFor(db, analyst).vehicles.update({
          id: second.id,
          version: 1,
          changes: { registration: first.registration },
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: `changes.registration: ${first.registration} is already recorded as another vehicle`,
    });
  });
});
