import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { givenDatabase, type Io, run } from '@lantern/cli';
import { type Database, importMissingEpisodesFile } from '@lantern/db';
import { AppError, missingEpisodeColumns } from '@lantern/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonRecord } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

const header = missingEpisodeColumns.join(',');
// Mansfield town centre (E07000174) and Nottingham city centre (E06000018).
const mansfield = '53.1434,-1.1980';
const nottingham = '52.9540,-1.1550';

/** episode_ref,child_ref,sex,date_of_birth,care_status,police_risk,reported_at,returned_at,last seen,found,rhi…,mam */
const rows = [
  `IMP-1,CH-900001,F,2009-05-01,home,medium,2024-07-01T21:00,2024-07-02T08:30,${mansfield},${nottingham},childrens_social_care,2024-07-04T10:00,`,
  `IMP-2,CH-900001,F,2009-05-01,county_care,high,2024-12-01T21:00:00Z,,${nottingham},,,,,`,
  `IMP-3,CH-900002,M,2008-11-30,ola_care,low,2024-10-27T01:30,2024-10-30T02:00,,,,,other_local_authority,,2024-11-01T12:00Z`,
  `IMP-4,CH-EXISTING,U,,home,no_apparent_risk,2024-03-31T23:30:00Z,2024-04-01T00:30:00Z,,,${mansfield},family_service,,`,
];

function csvFile(name: string, lines: readonly string[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'lantern-missing-')), name);
  writeFileSync(path, `${[header, ...lines].join('\r\n')}\r\n`);
  return path;
}

async function lantern(db: Database, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await run(argv, io, givenDatabase(db));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

interface StoredEpisode {
  episode_ref: string;
  external_ref: string;
  care_status: string;
  reported_at: string;
  returned_at: string | null;
  district_code: string | null;
  last_seen: string | null;
  found: string | null;
  rhi_service: string | null;
  mam_held_at: string | null;
  version: number;
}

async function storedEpisodes(db: Database) {
  return db.sql.query<StoredEpisode>(
    `SELECT e.episode_ref, p.external_ref, e.care_status::text AS care_status,
            to_char(e.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS reported_at,
            to_char(e.returned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS returned_at,
            e.district_code, ST_AsText(e.last_seen_geom) AS last_seen, ST_AsText(e.found_geom) AS found,
            e.rhi_service::text AS rhi_service,
            to_char(e.mam_held_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS mam_held_at, e.version
     FROM missing_episode e JOIN person p ON p.id = e.person_id
     WHERE e.episode_ref LIKE 'IMP-%' ORDER BY e.episode_ref`,
  );
}

describe('lantern import missing-episodes: a good file', () => {
  let db: Database;
  let existingId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const existing = await createPersonRecord(db, { homeDistrictCode: 'E07000170' });
    await db.prisma.person.update({ where: { id: existing.id }, data: { externalRef: 'CH-EXISTING' } });
    existingId = existing.id;
  });
  afterAll(() => db.close());

  it('imports every episode, mapping child_ref to people and creating the unknown children', async () => {
    const peopleBefore = await db.prisma.person.count();
    const { code, stdout, stderr } = await lantern(db, 'import', 'missing-episodes', csvFile('episodes.csv', rows));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      'episodes.csv: 4 episodes (4 new, 0 updated, 0 unchanged, 0 rejected); 2 children new to Lantern',
    );
    expect(await db.prisma.person.count()).toBe(peopleBefore + 2);
    expect(await storedEpisodes(db)).toEqual([
      {
        episode_ref: 'IMP-1',
        external_ref: 'CH-900001',
        care_status: 'home',
        // 21:00 BST on 1 July = 20:00Z; 08:30 BST = 07:30Z.
        reported_at: '2024-07-01T20:00Z',
        returned_at: '2024-07-02T07:30Z',
        district_code: 'E07000174', // last seen in Mansfield
        last_seen: 'POINT(-1.198 53.1434)',
        found: 'POINT(-1.155 52.954)',
        rhi_service: 'childrens_social_care',
        mam_held_at: null,
        version: 1,
      },
      {
        episode_ref: 'IMP-2',
        external_ref: 'CH-900001',
        care_status: 'county_care',
        reported_at: '2024-12-01T21:00Z',
        returned_at: null,
        district_code: 'E06000018', // last seen in Nottingham
        last_seen: 'POINT(-1.155 52.954)',
        found: null,
        rhi_service: null,
        mam_held_at: null,
        version: 1,
      },
      {
        episode_ref: 'IMP-3',
        external_ref: 'CH-900002',
        care_status: 'ola_care',
        // 01:30 on 27 Oct 2024 happens twice: the first (BST) is 00:30Z. 02:00 on the 30th is GMT.
        reported_at: '2024-10-27T00:30Z',
        returned_at: '2024-10-30T02:00Z',
        district_code: null, // no coordinates, and a new child with no home district
        last_seen: null,
        found: null,
        rhi_service: 'other_local_authority',
        mam_held_at: '2024-11-01T12:00Z',
        version: 1,
      },
      {
        episode_ref: 'IMP-4',
        external_ref: 'CH-EXISTING',
        care_status: 'home',
        reported_at: '2024-03-31T23:30Z',
        returned_at: '2024-04-01T00:30Z',
        district_code: 'E07000174', // found in Mansfield (no last-seen point)
        last_seen: null,
        found: 'POINT(-1.198 53.1434)',
        rhi_service: 'family_service',
        mam_held_at: null,
        version: 1,
      },
    ]);
  });

  it('creates a new child with the file’s sex, date of birth and care status; leaves a known child as it was', async () => {
    const created = await db.prisma.person.findUniqueOrThrow({
      where: { externalRef: 'CH-900001' },
      select: { kind: true, sex: true, dateOfBirth: true, careStatus: true, homeDistrictCode: true, givenName: true },
    });
    expect(created).toEqual({
      kind: 'child',
      sex: 'F',
      dateOfBirth: new Date('2009-05-01T00:00:00Z'),
      careStatus: 'home',
      homeDistrictCode: 'E07000174',
      givenName: 'Child',
    });
    const existing = await db.prisma.person.findUniqueOrThrow({
      where: { id: existingId },
      select: { sex: true, homeDistrictCode: true, version: true },
    });
    expect(existing).toEqual({ sex: 'F', homeDistrictCode: 'E07000170', version: 1 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const peopleBefore = await db.prisma.person.count();
    const before = await storedEpisodes(db);
    const report = await importMissingEpisodesFile(db.sql, csvFile('episodes.csv', rows));
    expect(report).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4, rejected: 0, childrenCreated: 0 });
    expect(await storedEpisodes(db)).toEqual(before);
    expect(await db.prisma.person.count()).toBe(peopleBefore);
  });

  it('updates a changed row (the child returned) and bumps its version', async () => {
    const returned = rows.map((row) =>
      row.startsWith('IMP-2,')
        ? row.replace(',2024-12-01T21:00:00Z,,', ',2024-12-01T21:00:00Z,2024-12-03T09:00Z,')
        : row,
    );
    const report = await importMissingEpisodesFile(db.sql, csvFile('episodes-v2.csv', returned));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 3 });
    const episode = (await storedEpisodes(db)).find((row) => row.episode_ref === 'IMP-2');
    expect(episode).toMatchObject({ returned_at: '2024-12-03T09:00Z', version: 2 });
  });
});

describe('lantern import missing-episodes: bad rows', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const bad = [
    rows[0] as string,
    'BAD-1,CH-900003,female,2009-05-01,home,medium,2024-07-01T21:00,,,,,,,,', // line 3: sex
    'BAD-2,CH-900004,M,2009-05-01,home,medium,2024-03-31T01:30,,,,,,,,', // line 4: a London time that never was
    'BAD-3,CH-900005,M,2009-05-01,home,medium,2024-07-01T21:00,2024-07-01T20:00,95,-1.2,,,,,', // line 5
    'IMP-1,CH-900001,M,2009-05-01,home,medium,2024-07-01T21:00,,,,,,,,', // line 6: repeated ref, other sex
  ];

  async function episodeCount() {
    return db.prisma.missingEpisode.count();
  }

  it('imports nothing, exits 2 and lists every bad row with line, field and value', async () => {
    const before = await episodeCount();
    const { code, stdout, stderr } = await lantern(db, 'import', 'missing-episodes', csvFile('bad.csv', bad));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([
      'error: bad.csv: 4 invalid rows; nothing was imported (use --skip-invalid to import the rest)',
      'bad.csv, line 3, field "sex": must be one of M, F, X, U (value "female")',
      'bad.csv, line 4, field "reported_at": is a London time that did not exist (the clocks went forward); add the offset, e.g. +01:00 (value "2024-03-31T01:30")',
      'bad.csv, line 5, field "last_seen_lat": must be a decimal number of degrees between -90 and 90 (value "95")',
      'bad.csv, line 5, field "returned_at": must not be before reported_at (value "2024-07-01T20:00")',
      'bad.csv, line 6, field "episode_ref": is already on line 2 (value "IMP-1")',
      'bad.csv, line 6, field "sex": differs from line 2 for child_ref CH-900001 (F) (value "M")',
    ]);
    expect(await episodeCount()).toBe(before);
  });

  it('names the missing columns of a file that is not a missing-episodes CSV', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lantern-missing-')), 'other.csv');
    writeFileSync(path, 'episode_ref,child_ref\nX,Y\n');
    const error = await importMissingEpisodesFile(db.sql, path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_INPUT');
    expect((error as AppError).message).toMatch(
      /^other\.csv, line 1: not a missing-episodes CSV: missing columns sex, date_of_birth, care_status,/,
    );
  });

  it('refuses a child_ref that names an associate', async () => {
    const associate = await createPersonRecord(db, { kind: 'associate' });
    await db.prisma.person.update({ where: { id: associate.id }, data: { externalRef: 'AS-1' } });
    const error = await importMissingEpisodesFile(
      db.sql,
      csvFile('associate.csv', ['AS-EP,AS-1,M,2000-01-01,home,low,2024-07-01T21:00,,,,,,,,']),
    ).catch((caught: unknown) => caught);
    expect((error as AppError).message).toBe(
      'associate.csv, line 2, field "child_ref": names a person recorded as an associate, not a child (value "AS-1")',
    );
    expect(await db.prisma.missingEpisode.count({ where: { episodeRef: 'AS-EP' } })).toBe(0);
  });

  it('with --skip-invalid imports the valid rows and writes the rejects, with line and problem, to a CSV', async () => {
    const rejects = join(mkdtempSync(join(tmpdir(), 'lantern-rejects-')), 'rejects.csv');
    const { code, stdout, stderr } = await lantern(
      db,
      'import',
      'missing-episodes',
      csvFile('bad.csv', bad),
      '--skip-invalid',
      '--rejects',
      rejects,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('bad.csv: 5 episodes (1 new, 0 updated, 0 unchanged, 4 rejected); 1 children new to Lantern');
    expect(stderr).toBe(`bad.csv: skipped 4 invalid rows; written to ${rejects}`);
    const written = parse(readFileSync(rejects)) as string[][];
    expect(written[0]).toEqual([...missingEpisodeColumns, 'Line', 'Problem']);
    expect(written.slice(1).map((row) => [row[0], row[15], row[16]])).toEqual([
      ['BAD-1', '3', 'bad.csv, line 3, field "sex": must be one of M, F, X, U (value "female")'],
      [
        'BAD-2',
        '4',
        'bad.csv, line 4, field "reported_at": is a London time that did not exist (the clocks went forward); add the offset, e.g. +01:00 (value "2024-03-31T01:30")',
      ],
      [
        'BAD-3',
        '5',
        'bad.csv, line 5, field "last_seen_lat": must be a decimal number of degrees between -90 and 90 (value "95"); bad.csv, line 5, field "returned_at": must not be before reported_at (value "2024-07-01T20:00")',
      ],
      [
        'IMP-1',
        '6',
        'bad.csv, line 6, field "episode_ref": is already on line 2 (value "IMP-1"); bad.csv, line 6, field "sex": differs from line 2 for child_ref CH-900001 (F) (value "M")',
      ],
    ]);
    expect(
      await db.prisma.missingEpisode.count({ where: { episodeRef: { in: ['IMP-1', 'BAD-1', 'BAD-2', 'BAD-3'] } } }),
    ).toBe(1);
  });

  it('refuses --rejects without --skip-invalid', async () => {
    const { code, stderr } = await lantern(
      db,
      'import',
      'missing-episodes',
      csvFile('bad.csv', bad),
      '--rejects',
      'x.csv',
    );
    expect(code).toBe(2);
    expect(stderr).toBe('error: --rejects needs --skip-invalid (without it a bad row imports nothing)');
  });
});
