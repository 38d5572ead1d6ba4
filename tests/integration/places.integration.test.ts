import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import {
  createIntelligenceRecord,
  createLinkRecord,
  createPlaceRecord,
  outsideEveryDistrict,
  pointIn,
} from '../support/domain-factories.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';
const ashfield = 'E07000170';

let db: Database;
let analyst: Principal;
let officer: Principal;
let attendee: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
  attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

async function auditOf(userId: string) {
  return db.prisma.auditEvent.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { action: true, procedure: true, recordType: true, recordIds: true, details: true },
  });
}

const newPlace = {
  name: 'Chicken Palace',
  category: 'takeaway' as const,
  address: '1 Market Street, Mansfield',
  ...pointIn[mansfield],
  concernSince: '2024-05-01',
  reasons: ['children seen late at night with older males'],
};

describe('places.list', () => {
  it('keeps a district officer to their districts, in the query itself', async () => {
    const inMansfield = await createPlaceRecord(db, { districtCode: mansfield });
    const inGedling = await createPlaceRecord(db, { districtCode: gedling });
    const asOfficer = await callerFor(db, officer).places.list({ limit: 200 });
    const ids = asOfficer.places.map((place) => place.id);
    expect(ids).toContain(inMansfield.id);
    expect(ids).not.toContain(inGedling.id);
    expect(asOfficer.places.every((place) => place.district?.code === mansfield)).toBe(true);
    const asAnalyst = await callerFor(db, analyst).places.list({ districtCode: gedling, limit: 200 });
    expect(asAnalyst.places.map((place) => place.id)).toContain(inGedling.id);
  });

  it('filters by category, bounding box and the date the concern is active on', async () => {
    const hotel = await createPlaceRecord(db, {
      districtCode: mansfield,
      category: 'hotel',
      concernSince: '2024-01-01',
    });
    const endedPark = await createPlaceRecord(db, {
      districtCode: mansfield,
      category: 'park',
      concernSince: '2024-01-01',
      concernUntil: '2024-06-30',
    });
    const farHotel = await createPlaceRecord(db, { districtCode: 'E07000171', category: 'hotel' });
    const caller = callerFor(db, analyst);
    const ids = async (input: Parameters<typeof caller.places.list>[0]) =>
      (await caller.places.list({ ...input, limit: 200 })).places.map((place) => place.id);

    const hotels = await ids({ category: 'hotel' });
    expect(hotels).toEqual(expect.arrayContaining([hotel.id, farHotel.id]));
    expect(hotels).not.toContain(endedPark.id);

    const aroundMansfield = await ids({ bbox: [-1.26, 53.11, -1.09, 53.24] });
    expect(aroundMansfield).toEqual(expect.arrayContaining([hotel.id, endedPark.id]));
    expect(aroundMansfield).not.toContain(farHotel.id);

    const activeInJuly = await ids({ activeOn: '2024-07-01' });
    expect(activeInJuly).toContain(hotel.id);
    expect(activeInJuly).not.toContain(endedPark.id);
    expect(await ids({ activeOn: '2024-06-30' })).toContain(endedPark.id);
  });

  it('returns each place with its point, ward (issue 18: to tell places of one name apart), district, concern period, reasons and version', async () => {
    const created = await createPlaceRecord(db, {
      districtCode: mansfield,
      name: 'Bus shelter by the precinct',
      category: 'bus_station',
      concernSince: '2024-02-03',
      reasons: ['drop-off point'],
    });
    const listed = await callerFor(db, attendee).places.list({ limit: 200 });
    expect(listed.places.find((place) => place.id === created.id)).toEqual({
      id: created.id,
      name: 'Bus shelter by the precinct',
      category: 'bus_station',
      address: null,
      ward: 'Park Hall',
      lon: pointIn[mansfield].lon,
      lat: pointIn[mansfield].lat,
      district: { code: mansfield, name: 'Mansfield' },
      concernSince: '2024-02-03',
      concernUntil: null,
      reasons: ['drop-off point'],
      version: 1,
    });
  });

  it('names the field of a bad filter and rejects unknown keys', async () => {
    expect(await rejection(callerFor(db, analyst).places.list({ bbox: [-1.09, 53.11, -1.26, 53.24] }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'bbox: must be [west, south, east, north] with west < east and south < north',
    });
    expect(await rejection(callerFor(db, analyst).places.list({ activeOn: '1 July' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'activeOn: must be a date as YYYY-MM-DD',
    });
    const unknownKey = { districtCode: mansfield, colour: 'red' } as unknown as Parameters<
      ReturnType<typeof callerFor>['places']['list']
    >[0];
    expect(await rejection(callerFor(db, analyst).places.list(unknownKey))).toEqual({
      code: 'BAD_REQUEST',
      message: 'input: Unrecognized key: "colour"',
    });
  });

  it('is refused to an administrator', async () => {
    const admin = await createUser(db, { roles: ['admin'] });
    expect(await rejection(callerFor(db, admin).places.list({}))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (admin) may not use places.list',
    });
  });
});

describe('places.get', () => {
  it('counts the people linked to a place exactly for analysts and as "<5" for partners, naming nobody', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield, reasons: ['reported by staff'] });
    const report = await createIntelligenceRecord(db);
    const first = await createPersonRecord(db, { givenName: 'Harriet', familyName: 'Linkworth' });
    const second = await createPersonRecord(db, { givenName: 'Imogen', familyName: 'Linkworth' });
    await createLinkRecord(
      db,
      { type: 'person', id: first.id },
      { type: 'place', id: place.id },
      {
        type: 'intelligence_report',
        id: report.id,
      },
    );
    await createLinkRecord(
      db,
      { type: 'place', id: place.id },
      { type: 'person', id: second.id },
      {
        type: 'intelligence_report',
        id: report.id,
      },
    );
    await createLinkRecord(
      db,
      { type: 'place', id: place.id },
      { type: 'person', id: second.id },
      {
        type: 'intelligence_report',
        id: report.id,
      },
    );

    const asAnalyst = await callerFor(db, analyst).places.get({ id: place.id });
    expect(asAnalyst).toMatchObject({
      id: place.id,
      district: { code: mansfield, name: 'Mansfield' },
      concernSince: '2024-01-01',
      concernUntil: null,
      reasons: ['reported by staff'],
      version: 1,
      linkedPeople: 2,
    });
    const asOfficer = await callerFor(db, officer).places.get({ id: place.id });
    expect(asOfficer.linkedPeople).toBe('<5');
    expect(JSON.stringify(asOfficer)).not.toContain('Linkworth');
  });

  it('shows a place nobody is linked to with a count of 0', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    expect((await callerFor(db, attendee).places.get({ id: place.id })).linkedPeople).toBe(0);
  });

  it('does not find a place outside the caller’s districts', async () => {
    const place = await createPlaceRecord(db, { districtCode: gedling });
    expect(await rejection(callerFor(db, officer).places.get({ id: place.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No place ${place.id} in your districts`,
    });
  });

  it('names a malformed id', async () => {
    expect(await rejection(callerFor(db, officer).places.get({ id: 'place-1' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'id: must be a UUID',
    });
  });
});

describe('places.create', () => {
  it('records a place, finds its district from the point and audits the change', async () => {
    const created = await callerFor(db, officer).places.create(newPlace);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Chicken Palace',
      category: 'takeaway',
      address: '1 Market Street, Mansfield',
      ward: 'Park Hall',
      lon: pointIn[mansfield].lon,
      lat: pointIn[mansfield].lat,
      district: { code: mansfield, name: 'Mansfield' },
      concernSince: '2024-05-01',
      concernUntil: null,
      reasons: ['children seen late at night with older males'],
      version: 1,
    });
    const events = await auditOf(officer.id);
    expect(events.at(-1)).toEqual({
      action: 'create',
      procedure: 'places.create',
      recordType: 'place',
      recordIds: [created.id],
      details: {},
    });
  });

  it('refuses a point in another district, naming the district, and writes nothing', async () => {
    const creator = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const { lon, lat } = pointIn[gedling];
    const name = 'Out of scope takeaway';
    expect(await rejection(callerFor(db, creator).places.create({ ...newPlace, name, lon, lat }))).toEqual({
      code: 'FORBIDDEN',
      message: `lon/lat: ${lon}, ${lat} is in Gedling (E07000173), outside your districts`,
    });
    expect(await db.prisma.placeOfConcern.count({ where: { name } })).toBe(0);
    expect(await auditOf(creator.id)).toEqual([]);
  });

  it('refuses a point outside every district as bad input', async () => {
    const { lon, lat } = outsideEveryDistrict;
    expect(await rejection(callerFor(db, analyst).places.create({ ...newPlace, lon, lat }))).toEqual({
      code: 'BAD_REQUEST',
      message: `lon/lat: ${lon}, ${lat} is outside every district Lantern covers`,
    });
  });

  it('names each invalid field and audits nothing', async () => {
    const creator = await createUser(db, { roles: ['police_analyst'] });
    const invalid = { ...newPlace, name: '  ', lat: 95, concernUntil: '2024-04-30' };
    expect(await rejection(callerFor(db, creator).places.create(invalid))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'name: must not be empty; lat: must be between -90 and 90; concernUntil: must be on or after concernSince (2024-05-01)',
    });
    expect(await rejection(callerFor(db, creator).places.create({ ...newPlace, category: 'pub' as 'park' }))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'category: Invalid option: expected one of "takeaway"|"hotel"|"park"|"car_park"|"shop"|"taxi_rank"|"house"|"bus_station"|"rail_station"|"school"|"leisure"|"other"',
    });
    expect(await auditOf(creator.id)).toEqual([]);
  });

  it('refuses what PostgreSQL cannot store as bad input, not a server error', async () => {
    const unstorable = { ...newPlace, name: 'Chicken\u0000Palace', concernSince: '0000-01-01' };
    expect(await rejection(callerFor(db, analyst).places.create(unstorable))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'name: must not contain NUL characters; concernSince: must be a date as YYYY-MM-DD (there is no year 0000)',
    });
  });

  it('is refused to an NSD attendee', async () => {
    expect(await rejection(callerFor(db, attendee).places.create(newPlace))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (nsd_attendee) may not use places.create',
    });
  });
});

describe('places.update', () => {
  it('changes a place, bumps its version and audits the fields changed', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const updated = await callerFor(db, officer).places.update({
      id: place.id,
      version: 1,
      changes: { name: 'Renamed takeaway', reasons: ['closed for refit'], concernUntil: '2024-12-31' },
    });
    expect(updated).toMatchObject({
      id: place.id,
      name: 'Renamed takeaway',
      reasons: ['closed for refit'],
      concernUntil: '2024-12-31',
      version: 2,
    });
    const events = await auditOf(officer.id);
    expect(events.at(-1)).toEqual({
      action: 'update',
      procedure: 'places.update',
      recordType: 'place',
      recordIds: [place.id],
      details: { fields: ['concernUntil', 'name', 'reasons'] },
    });
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield, name: 'Before the race' });
    await callerFor(db, analyst).places.update({ id: place.id, version: 1, changes: { name: 'First writer' } });
    expect(
      await rejection(
        callerFor(db, officer).places.update({ id: place.id, version: 1, changes: { name: 'Second writer' } }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: `version: place ${place.id} was changed by someone else since you read version 1 (it is now version 2); reload it and make your change again`,
    });
    expect((await callerFor(db, analyst).places.get({ id: place.id })).name).toBe('First writer');
  });

  it('moves a place to another district when the point moves', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const moved = await callerFor(db, analyst).places.update({
      id: place.id,
      version: 1,
      changes: { ...pointIn[ashfield] },
    });
    expect(moved.district).toEqual({ code: ashfield, name: 'Ashfield' });
    expect([moved.lon, moved.lat]).toEqual([pointIn[ashfield].lon, pointIn[ashfield].lat]);
  });

  it('refuses to move a place out of the caller’s districts', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const { lon, lat } = pointIn[gedling];
    expect(
      await rejection(callerFor(db, officer).places.update({ id: place.id, version: 1, changes: { lon, lat } })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: `changes.lon/lat: ${lon}, ${lat} is in Gedling (E07000173), outside your districts`,
    });
    expect((await callerFor(db, analyst).places.get({ id: place.id })).district?.code).toBe(mansfield);
  });

  it('does not find a place outside the caller’s districts', async () => {
    const place = await createPlaceRecord(db, { districtCode: gedling });
    expect(
      await rejection(
        callerFor(db, officer).places.update({ id: place.id, version: 1, changes: { name: 'Mine now' } }),
      ),
    ).toEqual({ code: 'NOT_FOUND', message: `No place ${place.id} in your districts` });
  });

  it('checks the concern period against the stored dates', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield, concernSince: '2024-01-01' });
    expect(
      await rejection(
        callerFor(db, officer).places.update({ id: place.id, version: 1, changes: { concernUntil: '2023-12-31' } }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: 'changes.concernUntil: must be on or after concernSince (2024-01-01)' });
  });

  it('names the missing half of a point, an empty change and an unknown field', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const caller = callerFor(db, officer);
    expect(await rejection(caller.places.update({ id: place.id, version: 1, changes: { lon: -1.2 } }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'changes.lat: is required when moving a place: give both lon and lat',
    });
    expect(await rejection(caller.places.update({ id: place.id, version: 1, changes: {} }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'changes: must change at least one field',
    });
    const districtTypedIn = { id: place.id, version: 1, changes: { districtCode: gedling } } as unknown as Parameters<
      typeof caller.places.update
    >[0];
    expect(await rejection(caller.places.update(districtTypedIn))).toEqual({
      code: 'BAD_REQUEST',
      message: 'changes: Unrecognized key: "districtCode"',
    });
  });
});
