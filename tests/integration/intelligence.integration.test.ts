import type { Database, Principal } from '@lantern/db';
import { attachmentMaxBytes } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createIntelligenceRecord, createPlaceRecord, pointIn } from '../support/domain-factories.ts';
import { createAgency, createPersonRecord, createUser } from '../support/factories.ts';
import { rejection } from '../support/rejection.ts';
import { createTestDatabase } from '../support/test-database.ts';

const mansfield = 'E07000174';
const gedling = 'E07000173';

let db: Database;
let analyst: Principal;
beforeAll(async () => {
  db = await createTestDatabase();
  analyst = await createUser(db, { roles: ['police_analyst'] });
});
afterAll(() => db.close());

async function auditOf(userId: string) {
  return db.prisma.auditEvent.findMany({
    where: { userId },
    orderBy: { seq: 'asc' },
    select: { action: true, procedure: true, recordType: true, recordIds: true, details: true },
  });
}

type SubmitInput = Parameters<ReturnType<typeof callerFor>['intelligence']['submit']>[0];

const sighting: SubmitInput = {
  category: 'cce',
  body: 'Two boys, about 14, seen collecting packages from a flat above the bookmaker',
  occurredAt: '2024-05-03T21:15:00+01:00',
  ...pointIn[mansfield],
};

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('intelligence.submit', () => {
  it('lets a partner submit ungraded, returns only a receipt, and records the submitter and agency', async () => {
    const attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
    const receipt = await callerFor(db, attendee).intelligence.submit({
      ...sighting,
      subjects: [{ name: 'Unknown boy', approximateAge: 14, description: 'Red puffer jacket' }],
      vehicles: ['ab12 cde'],
      submitterView: 'I saw it from the bus stop',
      attachments: [{ fileName: 'flat.png', mediaType: 'image/png', base64: png.toString('base64') }],
    });
    expect(Object.keys(receipt).sort()).toEqual(['id', 'reference', 'submittedAt']);
    expect(receipt.reference).toMatch(/^INT-\d{4}-\d{6}$/);
    expect(Number.isNaN(Date.parse(receipt.submittedAt))).toBe(false);
    const stored = await db.prisma.intelligenceReport.findUniqueOrThrow({
      where: { id: receipt.id },
      select: {
        reference: true,
        submittingAgencyId: true,
        submittedById: true,
        districtCode: true,
        status: true,
        sourceEvaluation: true,
        handlingCode: true,
        occurredAt: true,
        body: true,
        submitterView: true,
        subjects: { select: { position: true, name: true, approximateAge: true, description: true } },
        vehicles: { select: { registration: true } },
        attachments: { select: { fileName: true, mediaType: true, sizeBytes: true } },
      },
    });
    expect(stored).toEqual({
      reference: receipt.reference,
      submittingAgencyId: attendee.agencyId,
      submittedById: attendee.id,
      districtCode: mansfield,
      status: 'received',
      sourceEvaluation: null,
      handlingCode: null,
      occurredAt: new Date('2024-05-03T20:15:00Z'),
      body: sighting.body,
      submitterView: 'I saw it from the bus stop',
      subjects: [{ position: 0, name: 'Unknown boy', approximateAge: 14, description: 'Red puffer jacket' }],
      vehicles: [{ registration: 'AB12CDE' }],
      attachments: [{ fileName: 'flat.png', mediaType: 'image/png', sizeBytes: png.length }],
    });
    expect(await auditOf(attendee.id)).toEqual([
      {
        action: 'create',
        procedure: 'intelligence.submit',
        recordType: 'intelligence_report',
        recordIds: [receipt.id],
        details: { reference: receipt.reference, category: 'cce', subjects: 1, vehicles: 1, attachments: 1 },
      },
    ]);
  });

  it('gives every submission its own reference, in order, with no location when none is given', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const { lon: _lon, lat: _lat, ...nowhere } = sighting;
    const first = await callerFor(db, officer).intelligence.submit(nowhere);
    const second = await callerFor(db, officer).intelligence.submit(nowhere);
    expect(second.reference).not.toBe(first.reference);
    expect(Number(second.reference.slice(-6))).toBeGreaterThan(Number(first.reference.slice(-6)));
    const stored = await db.prisma.intelligenceReport.findUniqueOrThrow({
      where: { id: first.id },
      select: { districtCode: true, handlingConditions: true },
    });
    expect(stored).toEqual({ districtCode: null, handlingConditions: null });
  });

  it('refuses a grading from the submitter: the police grade', async () => {
    const submitter = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const graded = { ...sighting, handlingCode: 'P' } as SubmitInput;
    expect(await rejection(callerFor(db, submitter).intelligence.submit(graded))).toEqual({
      code: 'BAD_REQUEST',
      message: 'input: Unrecognized key: "handlingCode"',
    });
  });

  it('refuses an attachment whose bytes are not the type it claims, and one over the size limit, writing nothing', async () => {
    const submitter = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const before = await db.prisma.intelligenceReport.count();
    const executable = Buffer.from('MZ\x90\x00 this is not a picture').toString('base64');
    expect(
      await rejection(
        callerFor(db, submitter).intelligence.submit({
          ...sighting,
          attachments: [{ fileName: 'photo.jpg', mediaType: 'image/jpeg', base64: executable }],
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'attachments.0.base64: photo.jpg is not a JPEG, PNG, WebP or GIF image or a PDF',
    });
    expect(
      await rejection(
        callerFor(db, submitter).intelligence.submit({
          ...sighting,
          attachments: [{ fileName: 'photo.jpg', mediaType: 'image/jpeg', base64: png.toString('base64') }],
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: 'attachments.0.mediaType: photo.jpg is image/png, not image/jpeg' });
    const tooBig = Buffer.concat([png, Buffer.alloc(attachmentMaxBytes)]).toString('base64');
    expect(
      await rejection(
        callerFor(db, submitter).intelligence.submit({
          ...sighting,
          attachments: [{ fileName: 'big.png', mediaType: 'image/png', base64: tooBig }],
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', message: `attachments.0.base64: must be at most ${attachmentMaxBytes} bytes` });
    expect(await db.prisma.intelligenceReport.count()).toBe(before);
    expect(await auditOf(submitter.id)).toEqual([]);
  });

  it('names a lone coordinate, an over-long body and an offset-less time', async () => {
    const caller = callerFor(db, analyst);
    expect(await rejection(caller.intelligence.submit({ ...sighting, body: 'x'.repeat(10_001) }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'body: must be at most 10000 characters',
    });
    const { lat: _lat, ...lonOnly } = sighting;
    expect(await rejection(caller.intelligence.submit(lonOnly))).toEqual({
      code: 'BAD_REQUEST',
      message: 'lat: is required with the other coordinate: give both lon and lat, or neither',
    });
    expect(await rejection(caller.intelligence.submit({ ...sighting, occurredAt: '2024-05-03T21:15:00' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'occurredAt: must be an ISO 8601 date-time with an offset',
    });
    expect(
      await rejection(
        caller.intelligence.submit({ ...sighting, body: 'a\u0000b', occurredAt: '0000-06-01T12:00:00Z' }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message:
        'body: must not contain NUL characters; occurredAt: must be an ISO 8601 date-time with an offset (there is no year 0000)',
    });
  });

  it('is refused to an administrator', async () => {
    const admin = await createUser(db, { roles: ['admin'] });
    expect(await rejection(callerFor(db, admin).intelligence.submit(sighting))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (admin) may not use intelligence.submit',
    });
  });
});

describe('the intelligence cycle', () => {
  it('shows the submitter only the status, lets them withdraw, and never the grading or links', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const receipt = await callerFor(db, officer).intelligence.submit(sighting);
    const mine = await callerFor(db, officer).intelligence.mine({});
    expect(mine.submissions).toEqual([
      {
        id: receipt.id,
        reference: receipt.reference,
        category: 'cce',
        submittedAt: receipt.submittedAt,
        occurredAt: '2024-05-03T20:15:00.000Z',
        district: 'Mansfield',
        status: 'received',
        version: 1,
      },
    ]);
    const other = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    expect(
      await rejection(callerFor(db, other).intelligence.withdraw({ id: receipt.id, version: 1, reason: 'not mine' })),
    ).toEqual({ code: 'NOT_FOUND', message: `id: you submitted no intelligence report ${receipt.id}` });
    const withdrawn = await callerFor(db, officer).intelligence.withdraw({
      id: receipt.id,
      version: 1,
      reason: 'Wrong car',
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(
      await rejection(callerFor(db, officer).intelligence.withdraw({ id: receipt.id, version: 2, reason: 'again' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'status: a report that is withdrawn cannot be withdrawn (the police have already decided on it)',
    });
    expect(await db.prisma.intelligenceReport.count({ where: { id: receipt.id } })).toBe(1);
  });

  it('queues, grades (history kept, C needs conditions), develops with links citing the report, all audited', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const child = await createPersonRecord(db, { kind: 'child', homeDistrictCode: mansfield });
    const place = await createPlaceRecord(db, { districtCode: mansfield });
    const receipt = await callerFor(db, officer).intelligence.submit({
      ...sighting,
      placeId: place.id,
      subjects: [{ name: 'Girl called Ellie', approximateAge: 14 }, { name: 'Older man "Tee"' }],
      vehicles: ['GX11ABC'],
    });
    const police = callerFor(db, analyst);
    const queue = await police.intelligence.queue({ districtCode: mansfield });
    expect(queue.items.map((item) => item.id)).toContain(receipt.id);
    expect((await police.intelligence.queueCount({})).open).toBeGreaterThan(0);

    expect(
      await rejection(
        police.intelligence.grade({
          id: receipt.id,
          version: 1,
          sourceEvaluation: '2',
          intelligenceEvaluation: 'B',
          handlingCode: 'C',
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'handlingConditions: is required when handlingCode is "C": say who may receive it and on what terms',
    });
    expect(
      await rejection(police.intelligence.develop({ id: receipt.id, version: 1, subjects: [], links: [] })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'status: a report that is received cannot be developed before it is graded (3x5x2)',
    });
    const graded = await police.intelligence.grade({
      id: receipt.id,
      version: 1,
      sourceEvaluation: '3',
      intelligenceEvaluation: 'C',
      handlingCode: 'P',
    });
    expect(graded).toMatchObject({ status: 'being_evaluated', version: 2, handlingCode: 'P' });
    const regraded = await police.intelligence.grade({
      id: receipt.id,
      version: 2,
      sourceEvaluation: '2',
      intelligenceEvaluation: 'B',
      handlingCode: 'P',
      reason: 'Corroborated by the school',
    });
    expect(regraded.gradings.map((g) => `${g.sourceEvaluation}${g.intelligenceEvaluation}${g.handlingCode}`)).toEqual([
      '3CP',
      '2BP',
    ]);
    expect(
      await rejection(police.intelligence.sanitise({ id: receipt.id, version: 2, sanitisedBody: 'stale' })),
    ).toMatchObject({ code: 'CONFLICT' });
    const sanitised = await police.intelligence.sanitise({
      id: receipt.id,
      version: 3,
      sanitisedBody: 'Children seen collecting packages near the bookmaker',
    });
    expect(sanitised.body).toBe(sighting.body);

    const developed = await police.intelligence.develop({
      id: receipt.id,
      version: 4,
      subjects: [
        { position: 0, personId: child.id },
        {
          position: 1,
          create: { kind: 'associate', givenName: 'Tee', familyName: 'Unknown', homeDistrictCode: mansfield },
        },
      ],
      vehicles: ['GX11ABC'],
      links: [
        { from: { kind: 'subject', position: 0 }, to: { kind: 'place' }, linkType: 'seen_at' },
        { from: { kind: 'subject', position: 1 }, to: { kind: 'place' }, linkType: 'seen_at' },
        {
          from: { kind: 'subject', position: 1 },
          to: { kind: 'vehicle', registration: 'GX11ABC' },
          linkType: 'uses_vehicle',
        },
      ],
    });
    expect(developed.status).toBe('developed');
    expect(developed.subjects.map((s) => s.resolution)).toEqual(['matched', 'created']);
    expect(developed.links).toHaveLength(3);
    const links = await db.prisma.entityLink.findMany({
      where: { sourceId: receipt.id },
      select: { sourceType: true, firstSeen: true },
    });
    expect(links).toEqual(
      Array(3).fill({ sourceType: 'intelligence_report', firstSeen: new Date('2024-05-03T00:00:00Z') }),
    );
    const analystAudit = (await auditOf(analyst.id)).filter((event) => event.recordIds.includes(receipt.id));
    expect(analystAudit.map((event) => `${event.action} ${event.procedure}`)).toEqual(
      expect.arrayContaining([
        'update intelligence.grade',
        'update intelligence.sanitise',
        'update intelligence.develop',
      ]),
    );
    const mine = await callerFor(db, officer).intelligence.mine({});
    const shown = mine.submissions.find((s) => s.id === receipt.id);
    expect(shown?.status).toBe('developed');
    expect(Object.keys(shown ?? {}).sort()).toEqual([
      'category',
      'district',
      'id',
      'occurredAt',
      'reference',
      'status',
      'submittedAt',
      'version',
    ]);
  });
});

describe('intelligence.develop and the place it records', () => {
  // Regression: a place recorded while developing a report showed "Recorded before Lantern kept a
  // history" in its panel, because the history knew only the places form's procedures.
  it('puts the place it creates into that place’s history, by the analyst who developed the report', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const receipt = await callerFor(db, officer).intelligence.submit({ ...sighting, subjects: [], vehicles: [] });
    const police = callerFor(db, analyst);
    await police.intelligence.grade({
      id: receipt.id,
      version: 1,
      sourceEvaluation: '2',
      intelligenceEvaluation: 'B',
      handlingCode: 'P',
    });
    const developed = await police.intelligence.develop({
      id: receipt.id,
      version: 2,
      subjects: [],
      place: {
        create: {
          name: 'Flat above the bookmaker',
          category: 'house',
          ...pointIn[mansfield],
          concernSince: '2024-05-03',
        },
      },
      links: [],
    });
    const placeId = developed.place?.id;
    if (!placeId) throw new Error('the developed report has no place');
    const { events } = await police.places.history({ id: placeId });
    expect(events.map((event) => [event.change, event.by])).toEqual([['created', analyst.displayName]]);
  });
});

describe('intelligence.list', () => {
  it('gives analysts the graded reports with location, district and agency, and audits the search', async () => {
    const reader = await createUser(db, { roles: ['police_analyst'] });
    const agency = await createAgency(db, 'education');
    const report = await createIntelligenceRecord(db, {
      districtCode: gedling,
      category: 'trafficking',
      agencyId: agency.id,
      submittedAt: '2024-04-10T09:30:00Z',
      body: 'A girl aged about 15 was brought to the school gate by a man in a silver car',
    });
    const other = await createIntelligenceRecord(db, { districtCode: mansfield, category: 'trafficking' });
    const result = await callerFor(db, reader).intelligence.list({ districtCode: gedling, category: 'trafficking' });
    expect(result.reports).toEqual([
      {
        id: report.id,
        reference: report.reference,
        status: 'developed',
        sourceEvaluation: '2',
        intelligenceEvaluation: 'B',
        handlingCode: 'P',
        handlingConditions: null,
        category: 'trafficking',
        body: 'A girl aged about 15 was brought to the school gate by a man in a silver car',
        occurredAt: null,
        submittedAt: '2024-04-10T09:30:00.000Z',
        location: pointIn[gedling],
        district: { code: gedling, name: 'Gedling' },
        agency: agency.name,
      },
    ]);
    expect(result.reports.map((r) => r.id)).not.toContain(other.id);
    expect(await auditOf(reader.id)).toEqual([
      {
        action: 'search',
        procedure: 'intelligence.list',
        recordType: 'intelligence_report',
        recordIds: [report.id],
        details: { criteria: { districtCode: gedling, category: 'trafficking' } },
      },
    ]);
  });

  it('filters by London dates of submission, both inclusive', async () => {
    const district = 'E07000175';
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    const lateJune = await createIntelligenceRecord(db, {
      districtCode: district,
      submittedAt: '2024-06-30T22:30:00Z',
    });
    const firstJuly = await createIntelligenceRecord(db, {
      districtCode: district,
      submittedAt: '2024-06-30T23:30:00Z',
    });
    const lastJuly = await createIntelligenceRecord(db, {
      districtCode: district,
      submittedAt: '2024-07-31T22:59:00Z',
    });
    const august = await createIntelligenceRecord(db, { districtCode: district, submittedAt: '2024-07-31T23:00:00Z' });
    const result = await callerFor(db, analyst).intelligence.list({
      districtCode: district,
      from: '2024-07-01',
      to: '2024-07-31',
    });
    expect(result.reports.map((r) => r.id)).toEqual([lastJuly.id, firstJuly.id]);
    expect([lateJune.id, august.id].some((id) => result.reports.some((r) => r.id === id))).toBe(false);
  });

  it('names a period that ends before it starts', async () => {
    expect(await rejection(callerFor(db, analyst).intelligence.list({ from: '2024-07-02', to: '2024-07-01' }))).toEqual(
      { code: 'BAD_REQUEST', message: 'to: must be on or after from (2024-07-02)' },
    );
  });

  it('is refused to partners who may submit', async () => {
    for (const role of ['nsd_attendee', 'district_officer', 'missing_coordinator'] as const) {
      const partner = await createUser(db, { roles: [role], districtCodes: [mansfield] });
      expect(await rejection(callerFor(db, partner).intelligence.list({}))).toEqual({
        code: 'FORBIDDEN',
        message: `Your role (${role}) may not use intelligence.list`,
      });
    }
  });
});
