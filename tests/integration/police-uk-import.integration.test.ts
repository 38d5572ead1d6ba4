import { createReadStream, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type Database, importPoliceUkFile, importPoliceUkStream, rejectsCsv } from '@lantern/db';
import { AppError } from '@lantern/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyPoliceUkFile, fixtureFiles, first100Sample as sample } from '../support/police-uk-files.ts';
import { createTestDatabase } from '../support/test-database.ts';

const repositoryRoot = new URL('../../', import.meta.url).pathname;
const policeUkFiles = everyPoliceUkFile();

/** Counts a file's records and those without coordinates, independently of the importer. */
function expectedCounts(path: string) {
  const records = parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];
  const lon = (record: Record<string, string>) => record.Longitude ?? record.longitude ?? '';
  return { rows: records.length, withoutLocation: records.filter((record) => lon(record).trim() === '').length };
}

async function crimeEventCount(db: Database) {
  const [row] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM crime_event');
  return row?.n ?? -1;
}

function tempFile(name: string, content: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'lantern-import-')), name);
  writeFileSync(path, content);
  return path;
}

describe('importing every police.uk file in the repository', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it.each(policeUkFiles.map((path) => [path.slice(repositoryRoot.length), path]))(
    'imports %s whole',
    async (_name, path) => {
      const before = await crimeEventCount(db);
      const report = await importPoliceUkFile(db.sql, path);
      const expected = expectedCounts(path);
      expect(report).toMatchObject({ ...expected, inserted: expected.rows, updated: 0, unchanged: 0, rejected: 0 });
      expect(await crimeEventCount(db)).toBe(before + expected.rows);
    },
  );

  it('reads a stream whole while a progress bar listens to it, as the CLI does', async () => {
    // The file's largest month, so that it takes many chunks.
    const path = policeUkFiles.reduce((largest, file) =>
      statSync(file).size > statSync(largest).size ? file : largest,
    );
    const input = createReadStream(path);
    let bytes = 0;
    input.on('data', (chunk) => {
      bytes += chunk.length;
    });
    const report = await importPoliceUkStream(db.sql, input, 'watched.csv');
    expect(report).toMatchObject({ rows: expectedCounts(path).rows, rejected: 0 });
    expect(bytes).toBe(statSync(path).size);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await crimeEventCount(db);
    for (const path of policeUkFiles) {
      const report = await importPoliceUkFile(db.sql, path);
      expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: expectedCounts(path).rows });
    }
    expect(await crimeEventCount(db)).toBe(before);
  });

  it('keeps rows without coordinates with no geometry and no district', async () => {
    const path = join(fixtureFiles, '2018-10-nottinghamshire-street.csv');
    const [row] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crime_event WHERE month = '2018-10-01' AND geom IS NULL AND district_code IS NULL`,
    );
    expect(row?.n).toBe(expectedCounts(path).withoutLocation);
  });

  it("gives every located row the district the database's own lookup gives its point", async () => {
    // The import finds districts in Node (DistrictLocator); lantern_district_for_point is the rule.
    const [row] = await db.sql.query<{ located: number; differ: number; outside: number }>(
      `SELECT count(*) FILTER (WHERE district_code IS NOT NULL)::int AS located,
              count(*) FILTER (WHERE district_code IS DISTINCT FROM lantern_district_for_point(geom))::int AS differ,
              count(*) FILTER (WHERE geom IS NOT NULL AND district_code IS NULL)::int AS outside
       FROM crime_event`,
    );
    expect(row?.located).toBeGreaterThan(40_000);
    expect(row?.differ).toBe(0);
    // Police.uk's Nottinghamshire files hold a few points beyond the county's districts.
    expect(row?.outside).toBeGreaterThan(0);
  });

  it('gives anti-social behaviour rows deterministic keys', async () => {
    const [row] = await db.sql.query<{ asb: number; keyed: number }>(
      `SELECT count(*) FILTER (WHERE crime_type = 'Anti-social behaviour')::int AS asb,
              count(*) FILTER (WHERE crime_type = 'Anti-social behaviour' AND id LIKE 'asb:%')::int AS keyed
       FROM crime_event WHERE month = '2024-02-01'`,
    );
    expect(row?.asb).toBeGreaterThan(0);
    expect(row?.keyed).toBe(row?.asb);
  });

  it('updates a row whose outcome changed in a republished file', async () => {
    const text = readFileSync(sample, 'utf8');
    const lines = text.split('\r\n');
    const first = lines[1] ?? '';
    const changed = first.replace(/,([^,]*),([^,]*)$/, ',Republished outcome,$2');
    const path = tempFile('republished.csv', [lines[0], changed, ...lines.slice(2)].join('\r\n'));
    const report = await importPoliceUkFile(db.sql, path);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 99 });
  });
});

describe('bad input', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const text = readFileSync(sample, 'utf8').split('\r\n');
  const breakLine = (lines: string[], index: number, field: number, value: string) => {
    const cells = (lines[index] ?? '').split(',');
    cells[field] = value;
    lines[index] = cells.join(',');
  };
  const broken = () => {
    const lines = [...text];
    breakLine(lines, 3, 1, '2022-14'); // line 4: month
    breakLine(lines, 10, 4, 'west'); // line 11: longitude
    breakLine(lines, 20, 5, '91.5'); // line 21: latitude
    return tempFile('broken.csv', lines.join('\r\n'));
  };

  it('imports nothing and lists every bad row by file, line and field', async () => {
    const error = await importPoliceUkFile(db.sql, broken()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('BAD_INPUT');
    expect(appError.problems.map(({ file, line, field, value }) => ({ file, line, field, value }))).toEqual([
      { file: 'broken.csv', line: 4, field: 'Month', value: '2022-14' },
      { file: 'broken.csv', line: 11, field: 'Longitude', value: 'west' },
      { file: 'broken.csv', line: 21, field: 'Latitude', value: '91.5' },
    ]);
    expect(appError.message).toContain('broken.csv: 3 invalid rows; nothing was imported');
    expect(appError.message).toContain(
      'broken.csv, line 11, field "Longitude": is not a decimal number (value "west")',
    );
    expect(await crimeEventCount(db)).toBe(0);
  });

  it('with skipInvalid imports the rest and hands over the rejects', async () => {
    const rejects: string[] = [];
    const report = await importPoliceUkFile(db.sql, broken(), {
      skipInvalid: true,
      onReject: (reject) => rejects.push(rejectsCsv(reject, rejects.length === 0)),
    });
    expect(report).toMatchObject({ rows: 100, inserted: 97, rejected: 3 });
    expect(await crimeEventCount(db)).toBe(97);
    const written = parse(rejects.join(''), { columns: true }) as Record<string, string>[];
    expect(written.map((row) => [row.Line, row.Month])).toEqual([
      ['4', '2022-14'],
      ['11', '2022-02'],
      ['21', '2022-02'],
    ]);
    expect(written[1]?.Problem).toBe('broken.csv, line 11, field "Longitude": is not a decimal number (value "west")');
  });

  it('rejects a file that is not a police.uk CSV, naming the missing columns', async () => {
    const path = tempFile('people.csv', 'name,dob\nA,2010-01-01\n');
    await expect(importPoliceUkFile(db.sql, path)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(
        /^people\.csv, line 1: not a data\.police\.uk street CSV: missing columns "Crime ID"/,
      ),
    });
  });

  it('rejects an empty file', async () => {
    await expect(importPoliceUkFile(db.sql, tempFile('empty.csv', ''))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'empty.csv, line 1: the file is empty: expected a data.police.uk header row',
    });
  });

  it('fails and keeps nothing when the file cannot be read to its end', async () => {
    // Rows of a month nothing else imports, so that any row kept would show.
    const lines = [...text];
    for (let index = 1; index < 40; index += 1) breakLine(lines, index, 1, '2019-07');
    const halfRead = new Readable({
      read() {
        this.push(`${lines.slice(0, 40).join('\r\n')}\r\n`);
        this.destroy(new Error('EIO: i/o error, read'));
      },
    });
    await expect(importPoliceUkStream(db.sql, halfRead, 'half-read.csv')).rejects.toThrow('EIO: i/o error, read');
    const [kept] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crime_event WHERE month = '2019-07-01'`,
    );
    expect(kept?.n).toBe(0);
  });

  it('reports a malformed CSV row by line', async () => {
    const lines = [...text];
    lines[5] = `${lines[5]},"unclosed`;
    const error = (await importPoliceUkFile(db.sql, tempFile('ragged.csv', lines.join('\r\n'))).catch(
      (caught: unknown) => caught,
    )) as AppError;
    expect(error.code).toBe('BAD_INPUT');
    expect(error.problems[0]?.message).toMatch(/^malformed CSV row/);
  });
});
