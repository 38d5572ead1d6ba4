import { randomUUID } from 'node:crypto';
import type { Database, Principal } from '@lantern/db';
import { type AgencyKind, addDays, londonDate } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createFreshAction, tacticIdOf } from '../support/disruption-world.ts';
import { createPlaceRecord, pointIn } from '../support/domain-factories.ts';
import { createAgency, createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
let analyst: Principal;
let councilOfficer: Principal;
let policeOfficer: Principal;
let attendee: Principal;
let admin: Principal;
let council: { id: string };
let police: { id: string };

async function userOfKind(roles: Principal['roles'], kind: AgencyKind, districtCodes: string[] = [mansfield]) {
  const user = await createUser(db, { roles, districtCodes });
  await db.prisma.agency.update({ where: { id: user.agencyId }, data: { kind }, select: { id: true } });
  return user;
}

beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  councilOfficer = await userOfKind(['district_officer'], 'district_council');
  policeOfficer = await userOfKind(['district_officer'], 'police');
  attendee = await userOfKind(['nsd_attendee'], 'district_council');
  admin = await createUser(db, { roles: ['admin'] });
  council = await createAgency(db, 'district_council');
  police = await createAgency(db, 'police');
});
afterAll(() => db.close());

describe('tactics', () => {
  it('lists the catalogue seeded by the migration, filtered by who holds the power', async () => {
    const all = await callerFor(db, attendee).tactics.list({});
    expect(all.tactics).toHaveLength(21);
    const closure = all.tactics.find((tactic) => tactic.code === 'closure_notice');
    expect(closure).toMatchObject({
      name: 'Closure notice',
      theme: 'locations_of_specific_concern',
      holderAgencyKinds: ['police', 'district_council'],
      needsCourt: false,
      maxDurationDays: 2,
    });
    const council = await callerFor(db, attendee).tactics.list({ heldBy: 'district_council' });
    const codes = council.tactics.map((tactic) => tactic.code);
    expect(codes).toContain('public_spaces_protection_order');
    expect(codes).not.toContain('child_abduction_warning_notice');
  });

  it('lists the agencies that may hold a tactic’s power, for the analyst’s holder picker', async () => {
    const closure = await tacticIdOf(db, 'closure_notice');
    const { agencies } = await callerFor(db, analyst).tactics.holders({ tacticId: closure });
    expect(agencies.map((agency) => agency.id)).toEqual(expect.arrayContaining([council.id, police.id]));
    expect(agencies.every((agency) => agency.kind === 'police' || agency.kind === 'district_council')).toBe(true);
    expect(agencies.map((agency) => agency.name)).toEqual([...agencies.map((agency) => agency.name)].sort());
    const cawn = await tacticIdOf(db, 'child_abduction_warning_notice');
    const policeOnly = await callerFor(db, councilOfficer).tactics.holders({ tacticId: cawn });
    expect(policeOnly.agencies.map((agency) => agency.id)).toContain(police.id);
    expect(policeOnly.agencies.map((agency) => agency.id)).not.toContain(council.id);
    expect(policeOnly.agencies.every((agency) => agency.kind === 'police')).toBe(true);
    const missing = randomUUID();
    expect(await rejection(callerFor(db, analyst).tactics.holders({ tacticId: missing }))).toEqual({
      code: 'BAD_REQUEST',
      message: `tacticId: there is no tactic ${missing}`,
    });
  });

  it('lets an administrator edit a tactic, refusing a stale version', async () => {
    const id = await tacticIdOf(db, 'cctv');
    const updated = await callerFor(db, admin).tactics.update({ id, version: 1, changes: { maxDurationDays: 90 } });
    expect(updated).toMatchObject({ code: 'cctv', maxDurationDays: 90, version: 2 });
    expect(
      await rejection(callerFor(db, admin).tactics.update({ id, version: 1, changes: { maxDurationDays: 60 } })),
    ).toEqual({
      code: 'CONFLICT',
      message: `version: tactic ${id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    expect(
      await rejection(callerFor(db, councilOfficer).tactics.update({ id, version: 2, changes: { guidance: 'x' } })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (district_officer) may not use tactics.update',
    });
  });
});

async function closureNoticeOnAPlace(user: Principal, placeId: string, extra: Record<string, unknown> = {}) {
  return callerFor(db, user).disruption.create({
    tacticId: await tacticIdOf(db, 'closure_notice'),
    target: { type: 'premises', id: placeId },
    holderAgencyId: council.id,
    startAs: 'in_force',
    reason: 'Served by the council after the NSD meeting',
    ...extra,
  });
}

describe('disruption.create', () => {
  it('records a council closure notice in force, its steps in the history and the audit, and puts it on the map', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield, name: 'Late Night Chicken' });
    const today = londonDate();
    const action = await closureNoticeOnAPlace(councilOfficer, place.id);
    expect(action).toMatchObject({
      status: 'in_force',
      tactic: { code: 'closure_notice' },
      target: { type: 'premises', place: { id: place.id, name: 'Late Night Chicken' }, label: 'Late Night Chicken' },
      district: { code: mansfield, name: 'Mansfield' },
      owner: { id: councilOfficer.id },
      proposedOn: today,
      agreedOn: today,
      inForceFrom: today,
      expiresOn: addDays(today, 2),
      reviewOn: addDays(today, 2),
      version: 3,
      next: ['reviewed', 'ended'],
    });
    expect(action.history.map((change) => [change.from, change.to])).toEqual([
      [null, 'proposed'],
      ['proposed', 'agreed'],
      ['agreed', 'in_force'],
    ]);
    const audit = await db.prisma.auditEvent.findMany({
      where: { userId: councilOfficer.id, procedure: 'disruption.create' },
      select: { action: true, recordIds: true, reason: true },
    });
    expect(audit).toEqual([
      { action: 'create', recordIds: [action.id], reason: 'Served by the council after the NSD meeting' },
    ]);
    const map = await callerFor(db, attendee).disruption.forMap({ districtCode: mansfield });
    expect(map.actions.find((feature) => feature.actionId === action.id)).toEqual({
      actionId: action.id,
      tacticCode: 'closure_notice',
      tacticName: 'Closure notice',
      status: 'in_force',
      placeId: place.id,
      placeName: 'Late Night Chicken',
      lon: pointIn[mansfield].lon,
      lat: pointIn[mansfield].lat,
      districtCode: mansfield,
      inForceFrom: today,
      expiresOn: addDays(today, 2),
    });
  });

  it('refuses an officer a power their agency does not hold, and a place outside their districts', async () => {
    const associate = await createPersonRecord(db, { kind: 'associate', homeDistrictCode: mansfield });
    expect(
      await rejection(
        callerFor(db, councilOfficer).disruption.create({
          tacticId: await tacticIdOf(db, 'child_abduction_warning_notice'),
          target: { type: 'person', id: associate.id },
          holderAgencyId: police.id,
        }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message:
        'tacticId: the power of a Child Abduction Warning Notice is held by police; your agency (district council) does not hold it',
    });
    const inGedling = await createPlaceRecord(db, { districtCode: gedling });
    expect(await rejection(closureNoticeOnAPlace(councilOfficer, inGedling.id))).toEqual({
      code: 'NOT_FOUND',
      message: `No place ${inGedling.id} in your districts`,
    });
    expect(await rejection(closureNoticeOnAPlace(attendee, inGedling.id))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (nsd_attendee) may not use disruption.create',
    });
  });

  it('lets a police analyst record for the agency that holds the power, but not for one that does not', async () => {
    const place = await createPlaceRecord(db, { districtCode: gedling });
    const pspo = await callerFor(db, analyst).disruption.create({
      tacticId: await tacticIdOf(db, 'public_spaces_protection_order'),
      target: { type: 'place', id: place.id },
      holderAgencyId: council.id,
    });
    expect(pspo).toMatchObject({ status: 'proposed', district: { code: gedling } });
    const policeAgency = await db.prisma.agency.findUniqueOrThrow({ where: { id: police.id }, select: { name: true } });
    expect(
      await rejection(
        callerFor(db, analyst).disruption.create({
          tacticId: await tacticIdOf(db, 'public_spaces_protection_order'),
          target: { type: 'place', id: place.id },
          holderAgencyId: police.id,
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: `holderAgencyId: ${policeAgency.name} (police) does not hold the power of a Public Spaces Protection Order; it is held by district council`,
    });
  });

  it('refuses a child as the target and a tactic that does not apply to the target', async () => {
    const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });
    expect(
      await rejection(
        callerFor(db, analyst).disruption.create({
          tacticId: await tacticIdOf(db, 'community_protection_warning'),
          target: { type: 'person', id: child.id },
          holderAgencyId: police.id,
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: `target.id: ${child.id} is a child; disruption targets the adults who exploit children, not the children`,
    });
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    expect(
      await rejection(
        callerFor(db, analyst).disruption.create({
          tacticId: await tacticIdOf(db, 'sexual_risk_order'),
          target: { type: 'place', id: place.id },
          holderAgencyId: police.id,
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'target.type: a Sexual Risk Order applies to person, not to a place',
    });
  });
});

describe('disruption.transition', () => {
  async function proposedPatrols() {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    return callerFor(db, policeOfficer).disruption.create({
      tacticId: await tacticIdOf(db, 'targeted_patrols'),
      target: { type: 'place', id: place.id },
      holderAgencyId: police.id,
    });
  }

  it('moves only along the allowed statuses, keeping who and why', async () => {
    const action = await proposedPatrols();
    const caller = callerFor(db, policeOfficer);
    expect(
      await rejection(caller.disruption.transition({ id: action.id, version: 1, to: 'ended', reason: 'done' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'to: a proposed action cannot become ended; it may become agreed, refused, withdrawn',
    });
    const agreed = await caller.disruption.transition({
      id: action.id,
      version: 1,
      to: 'agreed',
      reason: 'NSD agreed',
    });
    const inForce = await caller.disruption.transition({
      id: action.id,
      version: agreed.version,
      to: 'in_force',
      reason: 'patrols start',
    });
    expect(
      await rejection(
        caller.disruption.transition({ id: action.id, version: inForce.version, to: 'ended', reason: 'stop' }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'outcome: is required when ending an action: breached, complied or expired',
    });
    const ended = await caller.disruption.transition({
      id: action.id,
      version: inForce.version,
      to: 'ended',
      reason: 'no further reports',
      outcome: 'complied',
    });
    expect(ended).toMatchObject({ status: 'ended', outcome: 'complied', next: [], version: 4 });
    expect(ended.history.map((change) => [change.to, change.reason, change.changedBy])).toEqual([
      ['proposed', 'recorded', policeOfficer.displayName],
      ['agreed', 'NSD agreed', policeOfficer.displayName],
      ['in_force', 'patrols start', policeOfficer.displayName],
      ['ended', 'no further reports', policeOfficer.displayName],
    ]);
    const audit = await db.prisma.auditEvent.findMany({
      where: { procedure: 'disruption.transition', recordIds: { has: action.id } },
      orderBy: { seq: 'asc' },
      select: { action: true, reason: true, details: true },
    });
    expect(audit.map((event) => [event.action, event.reason, (event.details as { to: string }).to])).toEqual([
      ['update', 'NSD agreed', 'agreed'],
      ['update', 'patrols start', 'in_force'],
      ['update', 'no further reports', 'ended'],
    ]);
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const action = await proposedPatrols();
    await callerFor(db, policeOfficer).disruption.transition({ id: action.id, version: 1, to: 'agreed', reason: 'a' });
    expect(
      await rejection(
        callerFor(db, analyst).disruption.transition({ id: action.id, version: 1, to: 'withdrawn', reason: 'b' }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: `version: disruption action ${action.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    const stored = await callerFor(db, analyst).disruption.get({ id: action.id });
    expect(stored).toMatchObject({ status: 'agreed', version: 2 });
    expect(stored.history).toHaveLength(2);
  });

  it('keeps a district officer to their districts and their agency’s powers', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const order = await callerFor(db, analyst).disruption.create({
      tacticId: await tacticIdOf(db, 'public_spaces_protection_order'),
      target: { type: 'place', id: place.id },
      holderAgencyId: council.id,
    });
    expect(
      await rejection(
        callerFor(db, policeOfficer).disruption.transition({ id: order.id, version: 1, to: 'agreed', reason: 'x' }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message:
        'tacticId: the power of a Public Spaces Protection Order is held by district council; your agency (police) does not hold it',
    });
    const gedlingOfficer = await userOfKind(['district_officer'], 'district_council', [gedling]);
    expect(
      await rejection(
        callerFor(db, gedlingOfficer).disruption.transition({ id: order.id, version: 1, to: 'agreed', reason: 'x' }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: `No disruption action ${order.id} in your districts` });
  });
});

describe('disruption.list', () => {
  it('lists reviews and expiries coming up, per district and per owner', async () => {
    const owner = await userOfKind(['district_officer'], 'district_council');
    const today = londonDate();
    const due = await createFreshAction(db, {
      districtCode: mansfield,
      target: { type: 'place' },
      holderAgencyId: council.id,
      ownerId: owner.id,
      status: 'in_force',
      inForceFrom: addDays(today, -20),
      reviewOn: addDays(today, 5),
      expiresOn: addDays(today, 10),
    });
    const later = await createFreshAction(db, {
      districtCode: mansfield,
      target: { type: 'place' },
      holderAgencyId: council.id,
      ownerId: owner.id,
      status: 'in_force',
      inForceFrom: addDays(today, -20),
      reviewOn: addDays(today, 60),
      expiresOn: null,
    });
    const listed = await callerFor(db, councilOfficer).disruption.list({
      ownerId: owner.id,
      due: 'either',
      withinDays: 14,
    });
    expect(listed.actions.map((action) => action.id)).toEqual([due]);
    expect(listed.due).toEqual([
      {
        district: { code: mansfield, name: 'Mansfield' },
        owner: { id: owner.id, displayName: owner.displayName },
        reviewsDue: 1,
        expiring: 1,
      },
    ]);
    const all = await callerFor(db, councilOfficer).disruption.list({ ownerId: owner.id });
    expect(all.actions.map((action) => action.id).sort()).toEqual([due, later].sort());
  });
});

describe('disruption.effect', () => {
  /** A point `metres` north of a place (1° of latitude ≈ 111,320 m). */
  const north = (lat: number, metres: number) => lat + metres / 111_320;

  it('counts incidents within the distance in equal whole months before and after, on a hand-built fixture', async () => {
    const { lon, lat } = pointIn[gedling];
    const place = await createPlaceRecord(db, { districtCode: gedling, name: 'Effect fixture' });
    const action = await createFreshAction(db, {
      districtCode: gedling,
      target: { type: 'place', placeId: place.id },
      holderAgencyId: council.id,
      ownerId: analyst.id,
      status: 'in_force',
      inForceFrom: '2024-05-15',
    });
    const crime = async (month: string, metres: number, type = 'Anti-social behaviour') => {
      await db.sql.query(
        `INSERT INTO crime_event (id, month, reported_by, falls_within, geom, crime_type)
         VALUES ($1, $2::date, 'Nottinghamshire Police', 'Nottinghamshire Police',
                 ST_SetSRID(ST_MakePoint($3, $4), 4326), $5)`,
        [`effect-${randomUUID()}`, month, lon, north(lat, metres), type],
      );
    };
    // Before (Feb–Apr 2024): 3 within 250 m (one of them drugs), 1 at 400 m.
    await crime('2024-02-01', 100);
    await crime('2024-03-01', 200, 'Drugs');
    await crime('2024-04-01', 240);
    await crime('2024-04-01', 400);
    // May 2024, the month it came into force: left out of both periods.
    await crime('2024-05-01', 50);
    // After (Jun–Aug 2024): 1 within 250 m; September is outside the 3 months.
    await crime('2024-07-01', 120);
    await crime('2024-09-01', 120);
    const agency = await createAgency(db, 'police');
    const intelligence = async (at: string, metres: number) => {
      await db.sql.query(
        `INSERT INTO intelligence_report (reference, source_evaluation, intelligence_evaluation, handling_code, category, body,
           occurred_at, submitted_at, geom, submitting_agency_id, status)
         VALUES ($1, '2', 'B', 'P', 'cse', 'Seen near the takeaway', $2::timestamptz, $2::timestamptz,
                 ST_SetSRID(ST_MakePoint($3, $4), 4326), $5::uuid, 'developed')`,
        [`EFF-${randomUUID()}`, at, lon, north(lat, metres), agency.id],
      );
    };
    await intelligence('2024-03-10T21:00:00Z', 150);
    await intelligence('2024-04-30T23:30:00Z', 150); // 00:30 on 1 May in London: the left-out month
    await intelligence('2024-06-02T20:00:00Z', 150);
    await intelligence('2024-06-03T20:00:00Z', 150);
    const child = await createPersonRecord(db, { homeDistrictCode: gedling });
    const found = async (at: string, metres: number) => {
      await db.sql.query(
        `INSERT INTO missing_episode (episode_ref, person_id, care_status, police_risk, reported_at, returned_at, found_geom, district_code)
         VALUES ($1, $2::uuid, 'home', 'medium', $3::timestamptz - interval '5 hours', $3::timestamptz,
                 ST_SetSRID(ST_MakePoint($4, $5), 4326), $6)`,
        [`EFF-${randomUUID()}`, child.id, at, lon, north(lat, metres), gedling],
      );
    };
    await found('2024-02-20T10:00:00Z', 60);
    await found('2024-06-20T10:00:00Z', 60);
    await found('2024-08-20T10:00:00Z', 60);
    await found('2024-08-21T10:00:00Z', 900);

    const effect = await callerFor(db, analyst).disruption.effect({ id: action, distanceMetres: 250, months: 3 });
    expect(effect).toMatchObject({
      periods: {
        before: { from: '2024-02-01', to: '2024-04-30' },
        after: { from: '2024-06-01', to: '2024-08-31' },
        excludedMonth: '2024-05',
      },
      complete: true,
      crime: { before: 3, after: 1, change: -2, percentChange: -67 },
      intelligence: { before: 1, after: 2, change: 1, percentChange: 100 },
      missingFound: { before: 1, after: 2, change: 1, percentChange: 100 },
    });
    expect(effect.caution.at(-1)).toBe(
      'With fewer than 10 incidents in each period, a difference of this size is well within chance variation.',
    );
    const drugs = await callerFor(db, analyst).disruption.effect({ id: action, crimeTypes: ['Drugs'] });
    expect(drugs.crime).toEqual({ before: 1, after: 0, change: -1, percentChange: -100 });
    const wider = await callerFor(db, analyst).disruption.effect({ id: action, distanceMetres: 500 });
    expect(wider.crime).toMatchObject({ before: 4, after: 1 });

    const gedlingAttendee = await userOfKind(['nsd_attendee'], 'district_council', [gedling]);
    const asAttendee = await callerFor(db, gedlingAttendee).disruption.effect({ id: action });
    expect(asAttendee.missingFound).toEqual({ before: '<5', after: '<5', change: null, percentChange: null });
  });

  it('refuses an action that is not in force, naming the field', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const proposed = await createFreshAction(db, {
      districtCode: mansfield,
      target: { type: 'place', placeId: place.id },
      holderAgencyId: council.id,
      ownerId: analyst.id,
    });
    expect(await rejection(callerFor(db, analyst).disruption.effect({ id: proposed }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'id: this action has not come into force (it is proposed)',
    });
  });
});
