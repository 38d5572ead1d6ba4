import { Readable } from 'node:stream';
import { type Database, importIntelligenceStream } from '@lantern/db';
import { AppError } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, createPersonRecord } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

const header =
  'report_ref,submitted_at,occurred_at,submitting_agency,category,source_evaluation,intelligence_evaluation,handling_code,handling_conditions,lat,lon,body,subjects,vehicles';

let db: Database;
let agency: string;
let childRef: string;
beforeAll(async () => {
  db = await createTestDatabase();
  agency = (await createAgency(db, 'education')).name;
  childRef = (await createPersonRecord(db, { kind: 'child' })).pseudonymRef;
});
afterAll(() => db.close());

const file = (...rows: string[]) => Readable.from([`${[header, ...rows].join('\n')}\n`]);

describe('lantern import intelligence', () => {
  it('imports graded rows as developed and ungraded ones as awaiting evaluation, idempotently', async () => {
    const rows = [
      `IMP-1,2024-07-01T10:00,2024-06-30T23:30,${agency},cse,2,B,P,,53.1432,-1.1956,Seen at the takeaway,"Jay Example|2008-03-04;${childRef}",AB12 CDE;XY34ZZZ`,
      `IMP-2,2024-07-02T10:00,,${agency},online,,,,,,,Messages to a girl from an older boy,,`,
    ];
    const first = await importIntelligenceStream(db.sql, file(...rows), 'i.csv');
    expect(first).toMatchObject({ rows: 2, inserted: 2, updated: 0, rejected: 0, awaitingEvaluation: 1 });
    const stored = await db.prisma.intelligenceReport.findMany({
      where: { reference: { in: ['IMP-1', 'IMP-2'] } },
      orderBy: { reference: 'asc' },
      select: {
        status: true,
        districtCode: true,
        subjects: { select: { name: true } },
        vehicles: { select: { registration: true } },
      },
    });
    expect(stored).toEqual([
      {
        status: 'developed',
        districtCode: 'E07000174',
        subjects: [{ name: 'Jay Example' }, { name: null }],
        vehicles: [{ registration: 'AB12CDE' }, { registration: 'XY34ZZZ' }],
      },
      { status: 'received', districtCode: null, subjects: [], vehicles: [] },
    ]);
    const again = await importIntelligenceStream(db.sql, file(...rows), 'i.csv');
    expect(again).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
  });

  it('imports nothing from a file with a bad row, naming line, field and value', async () => {
    const before = await db.prisma.intelligenceReport.count();
    const error = await importIntelligenceStream(
      db.sql,
      file(`IMP-3,2024-07-01T10:00,,${agency},cse,2,B,C,,,,Body,,`, `IMP-4,2024-07-01T10:00,,Nobody,cse,,,,,,,Body,,`),
      'bad.csv',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('bad.csv: 2 invalid rows; nothing was imported');
    expect((error as AppError).message).toContain('line 2');
    expect((error as AppError).message).toContain('handling_conditions');
    expect((error as AppError).message).toContain('Nobody');
    expect(await db.prisma.intelligenceReport.count()).toBe(before);
  });
});
