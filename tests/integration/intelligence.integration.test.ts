import type { Database, Principal } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createIntelligenceRecord, pointIn } from '../support/domain-factories.ts';
import { createAgency, createUser } from '../support/factories.ts';
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

const conditional: SubmitInput = {
  sourceEvaluation: '2',
  intelligenceEvaluation: 'B',
  handlingCode: 'C',
  handlingConditions: 'Not to be shared outside the NSD meeting without the originator’s consent',
  category: 'cce',
  body: 'Two boys, about 14, seen collecting packages from a flat above the bookmaker',
  occurredAt: '2024-05-03T21:15:00+01:00',
  ...pointIn[mansfield],
};

describe('intelligence.submit', () => {
  it('lets a partner submit, returns only a receipt, and records the submitter and agency', async () => {
    const attendee = await createUser(db, { roles: ['nsd_attendee'], districtCodes: [mansfield] });
    const receipt = await callerFor(db, attendee).intelligence.submit(conditional);
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
        handlingCode: true,
        handlingConditions: true,
        occurredAt: true,
        body: true,
      },
    });
    expect(stored).toEqual({
      reference: receipt.reference,
      submittingAgencyId: attendee.agencyId,
      submittedById: attendee.id,
      districtCode: mansfield,
      handlingCode: 'C',
      handlingConditions: conditional.handlingConditions,
      occurredAt: new Date('2024-05-03T20:15:00Z'),
      body: conditional.body,
    });
    expect(await auditOf(attendee.id)).toEqual([
      {
        action: 'create',
        procedure: 'intelligence.submit',
        recordType: 'intelligence_report',
        recordIds: [receipt.id],
        details: { reference: receipt.reference, category: 'cce', handlingCode: 'C' },
      },
    ]);
  });

  it('gives every submission its own reference, in order', async () => {
    const officer = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const { handlingConditions: _conditions, lon: _lon, lat: _lat, ...rest } = conditional;
    const shareable: SubmitInput = { ...rest, handlingCode: 'P' };
    const first = await callerFor(db, officer).intelligence.submit(shareable);
    const second = await callerFor(db, officer).intelligence.submit(shareable);
    expect(second.reference).not.toBe(first.reference);
    expect(Number(second.reference.slice(-6))).toBeGreaterThan(Number(first.reference.slice(-6)));
    const stored = await db.prisma.intelligenceReport.findUniqueOrThrow({
      where: { id: first.id },
      select: { districtCode: true, handlingConditions: true },
    });
    expect(stored).toEqual({ districtCode: null, handlingConditions: null });
  });

  it('requires conditions with handling code C and refuses them with P, writing nothing', async () => {
    const submitter = await createUser(db, { roles: ['district_officer'], districtCodes: [mansfield] });
    const before = await db.prisma.intelligenceReport.count();
    const { handlingConditions: _conditions, ...withoutConditions } = conditional;
    expect(await rejection(callerFor(db, submitter).intelligence.submit(withoutConditions))).toEqual({
      code: 'BAD_REQUEST',
      message: 'handlingConditions: is required when handlingCode is "C": say who may receive it and on what terms',
    });
    expect(
      await rejection(callerFor(db, submitter).intelligence.submit({ ...conditional, handlingCode: 'P' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'handlingConditions: must not be given when handlingCode is "P" (use "C" to share with conditions)',
    });
    expect(await db.prisma.intelligenceReport.count()).toBe(before);
    expect(await auditOf(submitter.id)).toEqual([]);
  });

  it('names an invalid grade, an over-long body, a lone coordinate and an offset-less time', async () => {
    const caller = callerFor(db, analyst);
    expect(
      await rejection(
        caller.intelligence.submit({ ...conditional, sourceEvaluation: '4' as '1', body: 'x'.repeat(10_001) }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message: 'sourceEvaluation: Invalid option: expected one of "1"|"2"|"3"; body: must be at most 10000 characters',
    });
    const { lat: _lat, ...lonOnly } = conditional;
    expect(await rejection(caller.intelligence.submit(lonOnly))).toEqual({
      code: 'BAD_REQUEST',
      message: 'lat: is required with the other coordinate: give both lon and lat, or neither',
    });
    expect(await rejection(caller.intelligence.submit({ ...conditional, occurredAt: '2024-05-03T21:15:00' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'occurredAt: must be an ISO 8601 date-time with an offset',
    });
    expect(
      await rejection(
        caller.intelligence.submit({ ...conditional, body: 'a\u0000b', occurredAt: '0000-06-01T12:00:00Z' }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      message:
        'body: must not contain NUL characters; occurredAt: must be an ISO 8601 date-time with an offset (there is no year 0000)',
    });
  });

  it('is refused to an administrator', async () => {
    const admin = await createUser(db, { roles: ['admin'] });
    expect(await rejection(callerFor(db, admin).intelligence.submit(conditional))).toEqual({
      code: 'FORBIDDEN',
      message: 'Your role (admin) may not use intelligence.submit',
    });
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
