import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportMissing } from '@lantern/app';
import { givenDatabase, type Io, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { type MissingReport, missingEpisodeColumns, missingReportSchema } from '@lantern/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handBuiltYearReport } from '../../packages/domain/src/missing/hand-built-year.fixture.ts';
import { createTestDatabase } from '../support/test-database.ts';

/*
 * The hand-built 2024/25 year of packages/domain/src/missing/compute-missing-report.test.ts (the
 * working is there), written as a missing-episodes CSV: times without an offset are London time,
 * so e.g. A1 '2024-04-01T00:30' (BST) is 2024-03-31T23:30Z, and E1 '2025-03-30T00:30' (GMT) is
 * 00:30Z. Imported through the CLI and reported through the CLI, the figures must be the same.
 */
const fixture = [
  'A-1,CH-A,M,2008-04-01,home,low,2024-01-15T10:00Z,2024-01-15T12:00Z,,,,,,,2024-01-20T10:00Z',
  'A0,CH-A,M,2008-04-01,home,low,2024-03-31T23:30,2024-04-01T00:00,,,,,family_service,2024-04-01T10:00,',
  'A1,CH-A,M,2008-04-01,home,medium,2024-04-01T00:30,2024-04-01T04:30,53.1434,-1.1980,,,family_service,2024-04-04T04:30,2024-04-10T11:00',
  'A2,CH-A,M,2008-04-01,home,low,2025-04-01T00:30,2025-04-01T02:00,,,,,family_service,,',
  'B1,CH-B,M,2010-06-15,home,medium,2024-02-10T12:00Z,2024-02-10T13:00Z,,,,,childrens_social_care,,',
  'B2,CH-B,M,2010-06-15,home,medium,2024-03-20T12:00Z,2024-03-20T13:00Z,,,,,,,',
  'B3,CH-B,M,2010-06-15,home,medium,2024-05-10T13:00,2024-05-10T16:00,,,,,childrens_social_care,2024-05-12T11:00,',
  'D1,CH-D,X,,home,low,2024-02-10T12:00Z,2024-02-10T13:00Z,,,,,,,',
  'D2,CH-D,X,,home,low,2024-03-20T12:00Z,2024-03-20T13:00Z,,,,,,,',
  'D3,CH-D,X,,home,low,2024-05-10T12:00:01Z,2024-05-10T14:00Z,,,,,,,',
  'C1,CH-C,U,2009-01-01,county_care,high,2024-10-26T23:30Z,2024-10-29T23:30Z,,,,,childrens_social_care,2024-11-05T12:00Z,',
  'E1,CH-E,F,2007-09-30,ola_care,medium,2025-03-30T00:30,2025-04-02T00:30,,,,,other_local_authority,,',
  'E2,CH-E,F,2007-09-30,ola_care,medium,2025-03-31T23:59:59,2025-04-01T00:30,,,,,other_local_authority,2025-04-02T11:00,',
  'F1,CH-F,M,2011-11-11,home,high,2025-03-29T10:00,,,,,,,,',
];

const expected = handBuiltYearReport;
const year = ['report', 'missing', '--from', '2024-04-01', '--to', '2025-03-31'];

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  const path = join(mkdtempSync(join(tmpdir(), 'lantern-report-')), 'fixture.csv');
  writeFileSync(path, [missingEpisodeColumns.join(','), ...fixture].join('\n'));
  const imported = await lantern('import', 'missing-episodes', path);
  if (imported.code !== 0) throw new Error(imported.stderr);
});
afterAll(() => db.close());

async function lantern(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await run(argv, io, givenDatabase(db));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('lantern report missing', () => {
  it('prints the hand-worked figures as the JSON of docs/ARCHITECTURE.md', async () => {
    const { code, stdout, stderr } = await lantern(...year);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report: unknown = JSON.parse(stdout);
    expect(report).toEqual(expected);
    expect(missingReportSchema.parse(report)).toEqual(report);
  });

  it('runs open episodes to --as-of (London time when it has no offset)', async () => {
    // F1 has been missing 72 h at 2025-04-01T10:00Z = 11:00 BST.
    const at = async (asOf: string) => {
      const { code, stdout } = await lantern(...year, '--as-of', asOf, '--format', 'json');
      expect(code).toBe(0);
      return (JSON.parse(stdout) as MissingReport).multiAgencyMeetings;
    };
    expect(await at('2025-04-01T11:00')).toEqual({ required: 4, requiredPct: 57, held: 1, heldPct: 25 });
    expect(await at('2025-04-01T10:59')).toEqual(expected.multiAgencyMeetings);
  });

  it('uses the administrator’s MAM thresholds', async () => {
    await db.sql.query('UPDATE missing_settings SET mam_duration_hours = 70 WHERE id = 1');
    try {
      // At 70 hours E1 (71 h elapsed across the March change) needs a meeting too.
      const report = await reportMissing({ db }, { from: '2024-04-01', to: '2025-03-31' });
      expect(report.multiAgencyMeetings).toEqual({ required: 4, requiredPct: 57, held: 1, heldPct: 25 });
    } finally {
      await db.sql.query('UPDATE missing_settings SET mam_duration_hours = 72 WHERE id = 1');
    }
  });

  it('limits the children to a district scope by home district', async () => {
    // Children the import created take their home district from where they were first last seen:
    // only A (last seen in Mansfield on A1) has one.
    const report = await reportMissing({ db }, { from: '2024-04-01', to: '2025-03-31', scope: ['E07000174'] });
    expect(report).toMatchObject({ notifications: 1, individuals: 1, multiAgencyMeetings: { required: 1, held: 1 } });
  });

  it('lays out Markdown like the annual table of the committee report', async () => {
    const { code, stdout } = await lantern(...year, '--format', 'md');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 12)).toEqual([
      '| Children missing from home and care | 2024/25 |',
      '| --- | ---: |',
      "| Total notifications of children 'missing' and 'missing – no apparent risk' | 7 |",
      '| relating to individuals | 6 |',
      '| ratio males to females | 75:25 |',
      '| age range (yrs) | 13-16 |',
      '| Children missing from home (relating to individuals) | 4 (4 episodes) |',
      '| NCC children missing from care (relating to individuals) | 1 (1 episodes) |',
      '| Other Local Authority children missing from care in Notts (relating to individuals) | 1 (2 episodes) |',
      '| % Return Interviews (RI) required | 71 (total of 5) |',
      '| % RIs required from Children’s Social Care | 40 (2) |',
      '| % RIs required from Family Service | 20 (1) |',
    ]);
    expect(lines).toContain('| % RIs completed by other Local Authorities | 50 (1) |');
    expect(lines).toContain('| % RIs completed within 72 hours by Children’s Social Care | 50 (1) |');
    expect(lines.slice(-2)).toEqual([
      '| % Multi-agency meetings required (of total notifications) | 43 (3) |',
      '| % Multi-agency meetings completed (of meetings required) | 33 (1) |',
    ]);
  });

  it('writes the same table as CSV, headed by the period', async () => {
    const { code, stdout } = await lantern(
      'report',
      'missing',
      '--from',
      '2024-05-01',
      '--to',
      '2024-05-31',
      '--format',
      'csv',
    );
    expect(code).toBe(0);
    const rows = parse(stdout) as string[][];
    // May 2024: B3 and D3; B3 needs an RHI (CSC, completed within 72 h) and a meeting.
    expect(rows.slice(0, 5)).toEqual([
      ['Measure', '2024-05-01 – 2024-05-31'],
      ["Total notifications of children 'missing' and 'missing – no apparent risk'", '2'],
      ['relating to individuals', '2'],
      ['ratio males to females', '100:0'],
      ['age range (yrs)', '13-13'],
    ]);
    expect(rows.at(-2)).toEqual(['% Multi-agency meetings required (of total notifications)', '50 (1)']);
  });

  it('refuses a bad period or --as-of with exit 2, naming the value', async () => {
    const reversed = await lantern('report', 'missing', '--from', '2025-04-01', '--to', '2025-03-31');
    expect(reversed).toMatchObject({
      code: 2,
      stderr: "error: --from/--to: The period ends before it starts: from '2025-04-01' to '2025-03-31'",
    });
    const notADate = await lantern('report', 'missing', '--from', '2025-02-30', '--to', '2025-03-31');
    expect(notADate).toMatchObject({
      code: 2,
      stderr: "error: --from/--to: Not a calendar date as YYYY-MM-DD: '2025-02-30'",
    });
    const asOf = await lantern(...year, '--as-of', 'soon');
    expect(asOf).toMatchObject({
      code: 2,
      stderr:
        'error: --as-of must be an ISO 8601 date-time such as 2024-07-01T09:15 or 2024-07-01T09:15:00Z (got "soon")',
    });
    const format = await lantern(...year, '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("error: option '--format <format>' argument 'pdf' is invalid");
  });
});
