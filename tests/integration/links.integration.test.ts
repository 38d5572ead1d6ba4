import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import {
  createIntelligenceRecord,
  createLinkRecord,
  createMissingEpisodeRecord,
  createPlaceRecord,
  createVehicleRecord,
} from '../support/domain-factories.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
let analyst: Principal;
let officer: Principal;
let coordinator: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
  officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
  coordinator = await createUser(db, { roles: ['missing_coordinator'], districtCodes: [mansfield] });
});
afterAll(() => db.close());

async function auditOf(userId: string) {
  return db.prisma.auditEvent.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { action: true, procedure: true, recordType: true, recordIds: true, reason: true, details: true },
  });
}

type CreateLinkInput = Parameters<ReturnType<typeof callerFor>['links']['create']>[0];

async function linkInput(overrides: Partial<CreateLinkInput> = {}): Promise<CreateLinkInput> {
  const child = await createPersonRecord(db);
  const place = await createPlaceRecord(db);
  const report = await createIntelligenceRecord(db);
  return {
    from: { type: 'person', id: child.id },
    to: { type: 'place', id: place.id },
    linkType: 'frequents',
    source: { type: 'intelligence_report', id: report.id },
    firstSeen: '2024-03-01',
    lastSeen: '2024-05-01',
    reliability: 'probable',
    ...overrides,
  };
}

describe('links.create', () => {
  it('links two records citing a report, and audits it under the link and both ends', async () => {
    const creator = await createUser(db, { roles: ['police_analyst'] });
    const input = await linkInput();
    const link = await callerFor(db, creator).links.create(input);
    expect(link).toEqual({ id: expect.any(String), ...input, version: 1 });
    expect(await auditOf(creator.id)).toEqual([
      {
        action: 'create',
        procedure: 'links.create',
        recordType: 'link',
        recordIds: [link.id, input.from.id, input.to.id],
        reason: null,
        details: { linkType: 'frequents', from: input.from, to: input.to, source: input.source },
      },
    ]);
  });

  it('accepts a missing episode as the source', async () => {
    const child = await createPersonRecord(db);
    const episode = await createMissingEpisodeRecord(db, { personId: child.id });
    const input = await linkInput({ source: { type: 'missing_episode', id: episode.id } });
    const link = await callerFor(db, analyst).links.create(input);
    expect(link.source).toEqual({ type: 'missing_episode', id: episode.id });
  });

  it('requires a source, and audits nothing when it is missing', async () => {
    const creator = await createUser(db, { roles: ['police_analyst'] });
    const { source: _source, ...unsourced } = await linkInput();
    expect(await rejection(callerFor(db, creator).links.create(unsourced as CreateLinkInput))).toEqual({
      code: 'BAD_REQUEST',
      message: 'source: is required: a link must cite the record it comes from, as {type, id}',
    });
    expect(await auditOf(creator.id)).toEqual([]);
  });

  it('refuses a source that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    const input = await linkInput({ source: { type: 'intelligence_report', id: missing } });
    expect(await rejection(callerFor(db, analyst).links.create(input))).toEqual({
      code: 'NOT_FOUND',
      message: `source.id: there is no intelligence report ${missing}`,
    });
  });

  it('refuses assessments as sources until they exist', async () => {
    const input = await linkInput({ source: { type: 'assessment', id: '00000000-0000-4000-8000-000000000002' } });
    expect(await rejection(callerFor(db, analyst).links.create(input))).toEqual({
      code: 'BAD_REQUEST',
      message: 'source.type: assessment records are not available yet',
    });
  });

  it('refuses an end that does not exist, and writes no link', async () => {
    const missing = '00000000-0000-4000-8000-000000000003';
    const before = await db.prisma.entityLink.count();
    const toNowhere = await linkInput({ to: { type: 'place', id: missing } });
    expect(await rejection(callerFor(db, analyst).links.create(toNowhere))).toEqual({
      code: 'NOT_FOUND',
      message: `to.id: there is no place ${missing}`,
    });
    const fromNobody = await linkInput({ from: { type: 'person', id: missing } });
    expect(await rejection(callerFor(db, analyst).links.create(fromNobody))).toEqual({
      code: 'NOT_FOUND',
      message: `from.id: there is no person ${missing}`,
    });
    expect(await db.prisma.entityLink.count()).toBe(before);
  });

  it('names a reversed period, a link type that is not snake_case and a self-link', async () => {
    const input = await linkInput({ firstSeen: '2024-05-02', lastSeen: '2024-05-01', linkType: 'Knows Well' });
    expect(await rejection(callerFor(db, analyst).links.create(input))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'linkType: must be snake_case lower-case letters, e.g. "associates_with"; lastSeen: must be on or after firstSeen (2024-05-02)',
    });
    const self = await linkInput();
    expect(await rejection(callerFor(db, analyst).links.create({ ...self, to: self.from }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'to: must be a different record from "from"',
    });
  });

  it('is refused to a district officer', async () => {
    expect(await rejection(callerFor(db, officer).links.create(await linkInput()))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (district_officer) may not use links.create',
    });
  });
});

/** A place in Mansfield linked to a child, an associate, a vehicle and the report they came from. */
async function placeWithLinks(childDistrict: string = mansfield) {
  const place = await createPlaceRecord(db, { districtCode: mansfield, name: 'The Linked Takeaway' });
  const report = await createIntelligenceRecord(db);
  const source = { type: 'intelligence_report' as const, id: report.id };
  const child = await createPersonRecord(db, {
    givenName: 'Rosalind',
    familyName: 'Quennell',
    dateOfBirth: '2010-02-14',
    homeDistrictCode: childDistrict,
  });
  const associate = await createPersonRecord(db, { kind: 'associate', givenName: 'Dwayne', familyName: 'Ostler' });
  const vehicle = await createVehicleRecord(db);
  await createLinkRecord(db, { type: 'person', id: child.id }, { type: 'place', id: place.id }, source);
  await createLinkRecord(db, { type: 'place', id: place.id }, { type: 'person', id: associate.id }, source);
  await createLinkRecord(db, { type: 'vehicle', id: vehicle.id }, { type: 'place', id: place.id }, source);
  await createLinkRecord(db, { type: 'place', id: place.id }, { type: 'intelligence_report', id: report.id }, source);
  return { place, report, child, associate, vehicle };
}

describe('links.listForEntity', () => {
  it('shows analysts every other end in full, and audits the people shown', async () => {
    const reader = await createUser(db, { roles: ['police_analyst'] });
    const { place, report, child, associate, vehicle } = await placeWithLinks();
    const result = await callerFor(db, reader).links.listForEntity({
      type: 'place',
      id: place.id,
      reason: 'NSD preparation',
    });
    expect(result.entity).toEqual({ type: 'place', id: place.id });
    const others = result.links.map((link) => [link.direction, link.other]);
    expect(others).toEqual(
      expect.arrayContaining([
        [
          'incoming',
          { type: 'person', id: child.id, person: expect.objectContaining({ view: 'full', givenName: 'Rosalind' }) },
        ],
        [
          'outgoing',
          { type: 'person', id: associate.id, person: expect.objectContaining({ view: 'full', givenName: 'Dwayne' }) },
        ],
        ['incoming', { type: 'vehicle', id: vehicle.id, registration: vehicle.registration }],
        [
          'outgoing',
          {
            type: 'intelligence_report',
            id: report.id,
            reference: report.reference,
            category: 'cse',
            districtCode: mansfield,
          },
        ],
      ]),
    );
    expect(result.links).toHaveLength(4);
    expect(result.links[0]).toMatchObject({
      linkType: 'seen_at',
      source: { type: 'intelligence_report', id: report.id },
      firstSeen: '2024-02-01',
      lastSeen: '2024-04-01',
      reliability: 'probable',
    });
    const [event] = await auditOf(reader.id);
    expect(event).toMatchObject({
      action: 'read',
      procedure: 'links.listForEntity',
      recordType: 'place',
      reason: 'NSD preparation',
      details: { links: 4 },
    });
    expect(event?.recordIds[0]).toBe(place.id);
    expect([...(event?.recordIds ?? [])].sort()).toEqual([place.id, child.id, associate.id].sort());
  });

  it('never shows a district officer a child’s name or date of birth', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const report = await createIntelligenceRecord(db);
    const child = await createPersonRecord(db, {
      givenName: 'Philippa',
      familyName: 'Ravenscroft',
      dateOfBirth: '2011-09-30',
    });
    await createLinkRecord(
      db,
      { type: 'person', id: child.id },
      { type: 'place', id: place.id },
      {
        type: 'intelligence_report',
        id: report.id,
      },
    );
    const result = await callerFor(db, officer).links.listForEntity({ type: 'place', id: place.id });
    expect(result.links.map((link) => link.other)).toEqual([
      {
        type: 'person',
        id: child.id,
        person: {
          view: 'pseudonymised',
          id: child.id,
          kind: 'child',
          pseudonymRef: child.pseudonymRef,
          initials: 'PR',
          ageBand: expect.any(String),
          homeDistrictCode: mansfield,
        },
      },
    ]);
    const json = JSON.stringify(result);
    for (const leak of ['givenName', 'familyName', 'dateOfBirth', 'Philippa', 'Ravenscroft', '2011-09-30']) {
      expect(json).not.toContain(leak);
    }
  });

  it('shows a coordinator children in full and associates pseudonymised', async () => {
    const { place, child, associate } = await placeWithLinks();
    const result = await callerFor(db, coordinator).links.listForEntity({ type: 'place', id: place.id });
    const person = (id: string) => result.links.find((link) => link.other.id === id)?.other;
    expect(person(child.id)).toMatchObject({ person: { view: 'full', givenName: 'Rosalind' } });
    expect(person(associate.id)).toMatchObject({ person: { view: 'pseudonymised', initials: 'DO' } });
    expect(JSON.stringify(person(associate.id))).not.toContain('Ostler');
  });

  it('leaves out people from outside the caller’s districts, and does not audit them as shown', async () => {
    const reader = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const { place, child, associate } = await placeWithLinks(gedling);
    const result = await callerFor(db, reader).links.listForEntity({ type: 'place', id: place.id });
    const shownIds = result.links.map((link) => link.other.id);
    expect(shownIds).not.toContain(child.id);
    expect(shownIds).toContain(associate.id);
    expect(result.links).toHaveLength(3);
    const [event] = await auditOf(reader.id);
    expect([...(event?.recordIds ?? [])].sort()).toEqual([place.id, associate.id].sort());
    expect(JSON.stringify(result)).not.toContain('Quennell');
  });

  it('lists the links of a person from the person’s side', async () => {
    const { place, child } = await placeWithLinks();
    const result = await callerFor(db, analyst).links.listForEntity({ type: 'person', id: child.id });
    expect(result.links.map((link) => [link.direction, link.other.type, link.other.id])).toEqual([
      ['outgoing', 'place', place.id],
    ]);
    expect(result.links[0]?.other).toEqual({
      type: 'place',
      id: place.id,
      name: 'The Linked Takeaway',
      category: 'takeaway',
      districtCode: mansfield,
    });
  });

  it('does not find a record outside the caller’s districts, nor one that does not exist', async () => {
    const place = await createPlaceRecord(db, { districtCode: gedling });
    expect(await rejection(callerFor(db, officer).links.listForEntity({ type: 'place', id: place.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No place ${place.id} in your districts`,
    });
    const child = await createPersonRecord(db, { homeDistrictCode: gedling });
    expect(await rejection(callerFor(db, coordinator).links.listForEntity({ type: 'person', id: child.id }))).toEqual({
      code: 'NOT_FOUND',
      message: `No person ${child.id} in your districts`,
    });
    const missing = '00000000-0000-4000-8000-000000000004';
    expect(await rejection(callerFor(db, analyst).links.listForEntity({ type: 'vehicle', id: missing }))).toEqual({
      code: 'NOT_FOUND',
      message: `No vehicle ${missing} in your districts`,
    });
  });

  it('names an unknown record type and audits nothing', async () => {
    const reader = await createUser(db, { roles: ['police_analyst'] });
    const input = { type: 'spaceship', id: '00000000-0000-4000-8000-000000000005' } as unknown as Parameters<
      ReturnType<typeof callerFor>['links']['listForEntity']
    >[0];
    expect(await rejection(callerFor(db, reader).links.listForEntity(input))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'type: Invalid option: expected one of "person"|"place"|"vehicle"|"intelligence_report"|"missing_episode"',
    });
    expect(await auditOf(reader.id)).toEqual([]);
  });

  it('refuses a reason the audit trail cannot store', async () => {
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    expect(
      await rejection(callerFor(db, analyst).links.listForEntity({ type: 'place', id: place.id, reason: 'a\u0000b' })),
    ).toEqual({ code: 'BAD_REQUEST', message: 'reason: must not contain NUL characters' });
  });

  it('is refused to an NSD attendee', async () => {
    const attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    expect(await rejection(callerFor(db, attendee).links.listForEntity({ type: 'place', id: place.id }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (nsd_attendee) may not use links.listForEntity',
    });
  });
});
