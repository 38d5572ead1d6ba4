import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenDatabase, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../support/capture-io.ts';
import { fixtureFiles, first100Sample as sample } from '../support/police-uk-files.ts';
import { createTestDatabase, testBackend } from '../support/test-database.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function lantern(...argv: string[]) {
  const captured = captureIo();
  const code = await run(argv, captured.io, givenDatabase(db));
  return { code, stdout: captured.out.join('\n'), stderr: captured.err.join('\n') };
}

describe('lantern db status --format json', () => {
  it('gives the backend, the migrations and every count', async () => {
    const { code, stdout } = await lantern('db', 'status', '--format', 'json');
    expect(code).toBe(0);
    const status = JSON.parse(stdout) as { backend: string; migrations: number; counts: Record<string, number> };
    expect(status.backend).toBe(testBackend);
    expect(status.migrations).toBeGreaterThan(0);
    expect(Object.keys(status.counts)).toEqual(
      expect.arrayContaining([
        'districts',
        'people',
        'places',
        'crimeEvents',
        'intelligenceReports',
        'links',
        'missingEpisodes',
        'users',
        'auditEvents',
        'exploitationEvents',
      ]),
    );
    expect(status.counts.districts).toBe(8);
  });
});

describe('lantern import police-uk', () => {
  it('imports a file and reports its rows', async () => {
    const { code, stdout } = await lantern('import', 'police-uk', sample);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2022-02-nottinghamshire-street\.first100\.csv: 100 rows \(100 new, 0 updated, 0 unchanged/);
  });

  it('exits 2 on a bad row, naming file, line and field, and imports nothing', async () => {
    const lines = readFileSync(sample, 'utf8').split('\r\n');
    lines[2] = (lines[2] ?? '').replace(',2022-02,', ',2022-2,');
    const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, lines.join('\r\n'));
    const before = await db.prisma.crimeEvent.count();
    const { code, stderr } = await lantern('import', 'police-uk', bad);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.csv, line 3, field "Month": must be a month as YYYY-MM (value "2022-2")');
    expect(await db.prisma.crimeEvent.count()).toBe(before);

    const rejects = join(dir, 'rejects.csv');
    const skipped = await lantern('import', 'police-uk', bad, '--skip-invalid', '--rejects', rejects);
    expect(skipped.code).toBe(0);
    expect(readFileSync(rejects, 'utf8').split('\n')[0]).toMatch(/^Crime ID,Month,.*,Context,Line,Problem$/);
  });

  // Regression: a NUL byte reached PostgreSQL, which failed the whole import with exit 1 and
  // `invalid byte sequence for encoding "UTF8": 0x00`, naming no line; --skip-invalid kept nothing.
  it('treats a NUL byte in a field as bad input of its row: exit 2 naming file, line and field', async () => {
    const [header, ...rows] = readFileSync(sample, 'utf8').split('\r\n');
    // Rows with a Crime ID, given new IDs: new crimes whatever the file's other tests imported.
    const fresh = rows
      .filter((row) => /^[0-9a-f]{64},/.test(row))
      .slice(0, 21)
      .map((row) => row.replace(/^[0-9a-f]{64}/, () => randomBytes(32).toString('hex')));
    fresh[4] = (fresh[4] ?? '').replace('On or near ', 'On or near \u0000');
    const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-'));
    const withNul = join(dir, 'with-nul.csv');
    writeFileSync(withNul, [header, ...fresh].join('\r\n'));
    const before = await db.prisma.crimeEvent.count();

    const refused = await lantern('import', 'police-uk', withNul);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'with-nul.csv, line 6, field "Location": contains a NUL byte (0x00), which text cannot hold',
    );
    expect(await db.prisma.crimeEvent.count()).toBe(before);

    const rejects = join(dir, 'rejects.csv');
    const skipped = await lantern('import', 'police-uk', withNul, '--skip-invalid', '--rejects', rejects);
    expect(skipped.code).toBe(0);
    expect(await db.prisma.crimeEvent.count()).toBe(before + 20);
    const rejected = readFileSync(rejects, 'utf8').split('\n');
    expect(rejected[1]).toMatch(/,6,"?with-nul\.csv, line 6, field ""Location"": contains a NUL byte/);
  });

  // The tile cells of a month are counted from all its crimes: counted after each file, a month
  // published as a file per force was counted once per file.
  it("counts the map's tile cells once, after every file, for the months the files touched", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-'));
    const [header, ...rows] = readFileSync(join(fixtureFiles, '2018-10-nottinghamshire-street.csv'), 'utf8').split(
      /\r?\n/,
    );
    // One month in two files, as police.uk publishes a month: a file per force.
    const october = join(dir, '2018-10-first.csv');
    writeFileSync(october, [header, ...rows.slice(0, 60)].join('\r\n'));
    const octoberToo = join(dir, '2018-10-second.csv');
    writeFileSync(octoberToo, [header, ...rows.slice(60, 120)].join('\r\n'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [header, (rows[130] ?? '').replace(',2018-10,', ',2018-13,')].join('\r\n'));
    const counted = async () => {
      const [row] = await db.sql.query<{ stale: number; cells: number; crimes: number }>(
        `SELECT (SELECT count(*)::int FROM crime_tile_stale_month) AS stale,
                (SELECT coalesce(sum(n), 0)::int FROM crime_tile_cell WHERE z = 21 AND month = '2018-10-01') AS cells,
                (SELECT count(*)::int FROM crime_event WHERE geom IS NOT NULL AND month = '2018-10-01') AS crimes`,
      );
      return row;
    };

    const both = await lantern('import', 'police-uk', october, octoberToo);
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/^map tile cells: 1 month counted in [0-9.]+ s$/m);
    expect(await counted()).toMatchObject({ stale: 0, cells: (await counted())?.crimes });

    // A failed file stops the command; the months of the files before it are counted all the same.
    await db.sql.query(`DELETE FROM crime_event WHERE month = '2018-10-01'`);
    const stopped = await lantern('import', 'police-uk', october, bad);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/^map tile cells: 1 month counted in [0-9.]+ s$/m);
    expect(await counted()).toMatchObject({ stale: 0, cells: (await counted())?.crimes });
    expect((await counted())?.crimes).toBeGreaterThan(50);
    expect((await counted())?.crimes).toBeLessThanOrEqual(60);
  });

  // Regression: a missing file gave exit 1 and Node's "ENOENT: …, open '…'" (for police.uk after
  // an unhandled stream error's stack trace), a directory "EISDIR: illegal operation on a
  // directory, read" without its path, and the files named before them were imported.
  it('refuses files it cannot read, naming each, before importing any (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-'));
    const missing = join(dir, 'missing.csv');
    const before = await db.prisma.crimeEvent.count();
    const { code, stdout, stderr } = await lantern('import', 'police-uk', sample, missing, dir);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: ${missing}: no such file or directory\n${dir}: is a directory, not a file\nnothing was imported`,
    );
    expect(stdout).toBe('');
    expect(await db.prisma.crimeEvent.count()).toBe(before);

    for (const kind of ['missing-episodes', 'exploitation-events', 'intelligence', 'places']) {
      const refused = await lantern('import', kind, missing);
      expect({ kind, code: refused.code, stderr: refused.stderr }).toEqual({
        kind,
        code: 2,
        stderr: `error: ${missing}: no such file or directory\nnothing was imported`,
      });
    }
  });

  it('refuses a --rejects file it cannot write before importing anything (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-'));
    const before = await db.prisma.crimeEvent.count();
    const nowhere = join(dir, 'no-such-directory', 'rejects.csv');
    const unwritable = await lantern('import', 'police-uk', sample, '--skip-invalid', '--rejects', nowhere);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe(
      `error: --rejects ${nowhere}: cannot be created in ${join(dir, 'no-such-directory')}: no such file or directory\nnothing was imported`,
    );
    const directory = await lantern('import', 'missing-episodes', sample, '--skip-invalid', '--rejects', dir);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toBe(`error: --rejects ${dir}: is a directory, not a file\nnothing was imported`);
    expect(await db.prisma.crimeEvent.count()).toBe(before);
  });

  it('refuses --rejects without --skip-invalid', async () => {
    const { code, stderr } = await lantern('import', 'police-uk', sample, '--rejects', '/tmp/x.csv');
    expect(code).toBe(2);
    expect(stderr).toBe('error: --rejects needs --skip-invalid (without it a bad row imports nothing)');
  });

  it('exits 2 with usage on an unknown option', async () => {
    const { code, stderr } = await lantern('import', 'police-uk', sample, '--frobnicate');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--frobnicate'");
  });
});

describe('lantern db reset', () => {
  it('drops the data and migrates again', async () => {
    expect(await db.prisma.crimeEvent.count()).toBeGreaterThan(0);
    const { code } = await lantern('db', 'reset');
    expect(code).toBe(0);
    const { stdout } = await lantern('db', 'status', '--format', 'json');
    const status = JSON.parse(stdout) as { counts: Record<string, number> };
    expect(status.counts).toMatchObject({ crimeEvents: 0, districts: 8, wards: 188 });
  });
});
