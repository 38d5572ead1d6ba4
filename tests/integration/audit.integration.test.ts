import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
let admin: Principal;
let coordinator: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  admin = await createUser(db, { roles: ['admin'] });
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

describe('audit.forRecord', () => {
  it('tells an administrator who read a child’s record, newest first, and audits the asking', async () => {
    const child = await createPersonRecord(db);
    const analyst = await createUser(db, { roles: ['police_analyst'] });
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    await callerFor(db, analyst).people.get({ id: child.id, reason: 'strategy meeting on 4 June' });
    await callerFor(db, officer).people.get({ id: child.id });

    const asker = await createUser(db, { roles: ['admin'] });
    const { events } = await callerFor(db, asker).audit.forRecord({ recordType: 'person', id: child.id });
    expect(events).toEqual([
      {
        seq: expect.any(String),
        at: expect.any(String),
        userId: officer.id,
        email: officer.email,
        displayName: officer.displayName,
        role: 'district_officer',
        action: 'read',
        procedure: 'people.get',
        reason: null,
      },
      {
        seq: expect.any(String),
        at: expect.any(String),
        userId: analyst.id,
        email: analyst.email,
        displayName: analyst.displayName,
        role: 'police_analyst',
        action: 'read',
        procedure: 'people.get',
        reason: 'strategy meeting on 4 June',
      },
    ]);
    expect(BigInt(events[0]?.seq ?? 0)).toBeGreaterThan(BigInt(events[1]?.seq ?? 0));
    const asking = await db.prisma.auditEvent.findMany({
      where: { userId: asker.id },
      select: { action: true, procedure: true, recordType: true, recordIds: true },
    });
    expect(asking).toEqual([
      { action: 'read', procedure: 'audit.forRecord', recordType: 'audit', recordIds: [child.id] },
    ]);
  });

  it('shows the next asker who looked at the trail before', async () => {
    const child = await createPersonRecord(db);
    await callerFor(db, coordinator).audit.forRecord({ recordType: 'person', id: child.id });
    const { events } = await callerFor(db, admin).audit.forRecord({ recordType: 'person', id: child.id });
    expect(events.map((event) => [event.userId, event.procedure])).toEqual([[coordinator.id, 'audit.forRecord']]);
  });

  it('keeps a coordinator to the children in their districts', async () => {
    const inGedling = await createPersonRecord(db, { homeDistrictCode: gedling });
    expect(
      await rejection(callerFor(db, coordinator).audit.forRecord({ recordType: 'person', id: inGedling.id })),
    ).toEqual({ code: 'NOT_FOUND', message: `No child ${inGedling.id} in your districts` });
    const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
    expect(
      await rejection(callerFor(db, coordinator).audit.forRecord({ recordType: 'person', id: associate.id })),
    ).toEqual({ code: 'NOT_FOUND', message: `No child ${associate.id} in your districts` });
  });

  it('lets an administrator ask about anyone, but not about a record that does not exist', async () => {
    const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: gedling });
    expect(await callerFor(db, admin).audit.forRecord({ recordType: 'person', id: associate.id })).toEqual({
      events: [],
    });
    const missing = '00000000-0000-4000-8000-000000000006';
    expect(await rejection(callerFor(db, admin).audit.forRecord({ recordType: 'person', id: missing }))).toEqual({
      code: 'NOT_FOUND',
      message: `No person ${missing}`,
    });
  });

  it('names a record type other than person, and audits nothing', async () => {
    const asker = await createUser(db, { roles: ['admin'] });
    const input = { recordType: 'place', id: '00000000-0000-4000-8000-000000000007' } as unknown as Parameters<
      ReturnType<typeof callerFor>['audit']['forRecord']
    >[0];
    expect(await rejection(callerFor(db, asker).audit.forRecord(input))).toEqual({
      code: 'BAD_REQUEST',
      message: 'recordType: must be "person": access is reported for people’s records',
    });
    expect(await db.prisma.auditEvent.count({ where: { userId: asker.id } })).toBe(0);
  });

  it('is refused to an analyst', async () => {
    const analyst = await createUser(db, { roles: ['police_analyst'] });
    const child = await createPersonRecord(db);
    expect(await rejection(callerFor(db, analyst).audit.forRecord({ recordType: 'person', id: child.id }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (police_analyst) may not use audit.forRecord',
    });
  });
});
