import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  crimeEventPartitionMonths,
  type Database,
  importPoliceUkFile,
  importPoliceUkStream,
  migrate,
  openDatabase,
  readMigrations,
} from '@lantern/db';
import { AppError } from '@lantern/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { first100Sample as sample } from '../support/police-uk-files.ts';
import { clonePostgresDatabase, createTestDatabase, testBackend } from '../support/test-database.ts';

/**
 * crime_event is partitioned by month (migration 20261209120000_crime_event_partitions): the
 * import stages a file with COPY and upserts it month by month into the months' partitions.
 */
const sampleLines = readFileSync(sample, 'utf8').split('\r\n');

function tempFile(name: string, lines: readonly string[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'lantern-months-')), name);
  writeFileSync(path, lines.join('\r\n'));
  return path;
}

/** The sample as another month's file: its month, and Crime IDs of its own so its crimes are new. */
function monthFile(month: string, times = 1) {
  const rows = sampleLines.slice(1).filter((line) => line !== '');
  const lines = [sampleLines[0] ?? ''];
  for (let copy = 0; copy < times; copy++) {
    for (const row of rows) {
      const cells = row.split(',');
      cells[0] = `${month}-${copy}-${cells[0]?.slice(0, 16)}`;
      cells[1] = month;
      lines.push(cells.join(','));
    }
  }
  return lines;
}

/** Every row of a month as text (with the row version, so a rewrite of an equal row shows too). */
async function monthDigest(db: Database, month: string) {
  const [row] = await db.sql.query<{ n: number; digest: string }>(
    `SELECT count(*)::int AS n,
            md5(coalesce(string_agg(concat_ws('|', xmin, id, outcome, ST_AsText(geom), district_code), ',' ORDER BY id), '')) AS digest
     FROM crime_event WHERE month = $1::date`,
    [month],
  );
  return row;
}

async function databaseDigest(db: Database) {
  const [row] = await db.sql.query<Record<string, string | number>>(
    `SELECT (SELECT count(*)::int FROM crime_event) AS crimes,
            (SELECT md5(coalesce(string_agg(concat_ws('|', xmin, id, month, outcome), ',' ORDER BY id, month), ''))
             FROM crime_event) AS crime_digest,
            (SELECT count(*)::int FROM crime_tile_cell) AS cells,
            (SELECT count(*)::int FROM crime_tile_stale_month) AS stale,
            (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'crime_event'::regclass) AS partitions`,
  );
  return row;
}

describe('republishing a month', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('updates only that month: other months keep every row as it was', async () => {
    await importPoliceUkFile(db.sql, tempFile('2023-05.csv', monthFile('2023-05')));
    await importPoliceUkFile(db.sql, tempFile('2023-06.csv', monthFile('2023-06')));
    const mayBefore = await monthDigest(db, '2023-05-01');
    const juneBefore = await monthDigest(db, '2023-06-01');

    const republished = monthFile('2023-06');
    for (const index of [1, 2, 3, 50, 100]) {
      const cells = (republished[index] ?? '').split(',');
      cells[10] = 'Republished outcome';
      republished[index] = cells.join(',');
    }
    const report = await importPoliceUkFile(db.sql, tempFile('2023-06-republished.csv', republished));

    expect(report).toMatchObject({ rows: 100, inserted: 0, updated: 5, unchanged: 95, rejected: 0 });
    expect(await monthDigest(db, '2023-05-01')).toEqual(mayBefore);
    const juneAfter = await monthDigest(db, '2023-06-01');
    expect(juneAfter?.n).toBe(100);
    expect(juneAfter?.digest).not.toBe(juneBefore?.digest);
    const [changed] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crime_event WHERE month = '2023-06-01' AND outcome = 'Republished outcome'`,
    );
    expect(changed?.n).toBe(5);
  });
});

describe('a month written by more than one file', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  /** The sample as a month's file of another force: the same month, Crime IDs of its own. */
  function otherForce(lines: readonly string[], force: string) {
    return lines.map((line, index) => (index === 0 ? line : `${force}-${line}`));
  }

  it("copies a month's first file in and upserts the next files of the month, each row once", async () => {
    const first = monthFile('2033-03');
    // A second file of the month, and a file with rows of that month and of a month without any.
    const second = otherForce(monthFile('2033-03'), 'second');
    const spanning = [...otherForce(monthFile('2033-03'), 'third'), ...monthFile('2033-04').slice(1)];

    expect(await importPoliceUkFile(db.sql, tempFile('first.csv', first))).toMatchObject({ inserted: 100, updated: 0 });
    expect(await importPoliceUkFile(db.sql, tempFile('second.csv', second))).toMatchObject({
      inserted: 100,
      updated: 0,
    });
    expect(await importPoliceUkFile(db.sql, tempFile('spanning.csv', spanning), { batchSize: 30 })).toMatchObject({
      rows: 200,
      inserted: 200,
      updated: 0,
    });
    expect((await monthDigest(db, '2033-03-01'))?.n).toBe(300);
    expect((await monthDigest(db, '2033-04-01'))?.n).toBe(100);
    for (const [name, lines] of [
      ['first.csv', first],
      ['second.csv', second],
      ['spanning.csv', spanning],
    ] as const) {
      const report = await importPoliceUkFile(db.sql, tempFile(name, lines));
      expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: lines.length - 1 });
    }
  });

  it("stores each point as the database's own ST_MakePoint of the file's coordinates", async () => {
    // Each row a Crime ID of its own (the sample's anti-social behaviour rows have none).
    const lines = monthFile('2033-09').map((line, index) =>
      index === 0 ? line : line.replace(/^[^,]*/, `point-${index}`),
    );
    await importPoliceUkFile(db.sql, tempFile('points.csv', lines));
    const points = lines.slice(1).map((line) => {
      const cells = line.split(',');
      return [cells[0], Number(cells[4]), Number(cells[5])] as const;
    });
    const [row] = await db.sql.query<{ n: number; equal: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE ST_Equals(c.geom, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326))
                               AND ST_AsEWKB(c.geom) = ST_AsEWKB(ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326)))::int AS equal
       FROM unnest($1::text[], $2::float8[], $3::float8[]) AS f(id, lon, lat)
       JOIN crime_event c ON c.id = f.id AND c.month = '2033-09-01'`,
      [points.map((point) => point[0]), points.map((point) => point[1]), points.map((point) => point[2])],
    );
    expect(row).toEqual({ n: 100, equal: 100 });
  });
});

if (testBackend === 'postgres') {
  describe('two imports of the same month at once', () => {
    let db: Database;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db.close());

    /** Polls `check` until it holds: what another connection of the test is doing. */
    async function until(what: string, check: () => Promise<boolean>) {
      for (let tries = 0; tries < 1_000; tries++) {
        if (await check()) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`timed out waiting until ${what}`);
    }
    async function holds(query: string) {
      const [row] = await db.sql.query<{ holds: boolean }>(`SELECT EXISTS (${query}) AS holds`);
      return row?.holds === true;
    }

    it('makes the second wait for the first to commit, then find every row there', async () => {
      const lines = monthFile('2033-07', 20);
      // The month's partition exists, empty: a new month's partition would itself make one wait.
      await db.sql.query(`SELECT lantern_crime_event_partition('2033-07-01')`);
      // The first import reads half its file, writes it, and waits, its transaction open ...
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      async function* halves() {
        yield Buffer.from(`${lines.slice(0, 1_001).join('\r\n')}\r\n`);
        await released;
        yield Buffer.from(lines.slice(1_001).join('\r\n'));
      }
      const first = importPoliceUkStream(db.sql, Readable.from(halves()), 'first.csv', { batchSize: 300 });
      await until('the first import has written', () =>
        holds(
          `SELECT 1 FROM pg_locks WHERE relation = 'crime_event_2033_07'::regclass AND mode = 'RowExclusiveLock' AND granted`,
        ),
      );
      // ... while the second, the same file whole, begins and waits on it.
      const second = importPoliceUkFile(db.sql, tempFile('second.csv', lines), { batchSize: 300 }).catch(
        (error: unknown) => error,
      );
      await until('the second import waits', () =>
        holds(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`),
      );
      release();

      const reports = await Promise.all([first, second]);
      expect(reports.map((report) => (report instanceof Error ? report.message : report))).toMatchObject([
        { inserted: 2_000, unchanged: 0 },
        { inserted: 0, unchanged: 2_000 },
      ]);
      expect((await monthDigest(db, '2033-07-01'))?.n).toBe(2_000);
    });

    it('stops one of two imports that reach two months in opposite orders, with a message, and keeps the other', async () => {
      for (const month of ['2033-08-01', '2033-09-01']) {
        await db.sql.query(`SELECT lantern_crime_event_partition($1::date)`, [month]);
      }
      const august = monthFile('2033-08', 5);
      const september = monthFile('2033-09', 5);
      const header = august[0] ?? '';
      // The second file's crimes are others (a "b" before each Crime ID), so each file adds 1,000.
      const others = (lines: readonly string[]) => lines.map((line, index) => (index === 0 ? line : `b${line}`));
      // Each file writes its first month, then waits with its transaction open until both have.
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      async function* gated(first: readonly string[], then: readonly string[]) {
        yield Buffer.from(`${[header, ...first.slice(1)].join('\r\n')}\r\n`);
        await released;
        yield Buffer.from(then.slice(1).join('\r\n'));
      }
      const writes = (partition: string) =>
        holds(
          `SELECT 1 FROM pg_locks WHERE relation = '${partition}'::regclass AND mode = 'RowExclusiveLock' AND granted`,
        );
      const imports = [
        importPoliceUkStream(db.sql, Readable.from(gated(august, september)), 'aug-then-sep.csv', { batchSize: 100 }),
      ];
      await until('the first import has written August', () => writes('crime_event_2033_08'));
      imports.push(
        importPoliceUkStream(db.sql, Readable.from(gated(others(september), others(august))), 'sep-then-aug.csv', {
          batchSize: 100,
        }),
      );
      await until('the second import has written September', () => writes('crime_event_2033_09'));
      // Each now reaches the month the other holds.
      release();

      const outcomes = await Promise.allSettled(imports);
      const stopped = outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [index] : []));
      expect(stopped).toHaveLength(1);
      const [loser] = stopped as [number];
      const file = ['aug-then-sep.csv', 'sep-then-aug.csv'][loser] as string;
      const error = (outcomes[loser] as PromiseRejectedResult).reason;
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: `${file}: another import was writing the same months at the same time, and the database stopped this one so that the other could finish; nothing from ${file} was imported: import it again`,
      });
      expect(outcomes[1 - loser]).toMatchObject({ status: 'fulfilled', value: { inserted: 1_000, rejected: 0 } });
      // The winner's rows alone: nothing of the stopped file was kept.
      expect((await monthDigest(db, '2033-08-01'))?.n).toBe(500);
      expect((await monthDigest(db, '2033-09-01'))?.n).toBe(500);

      // Imported again, as the message says, it finds the other's rows and adds its own.
      const again = loser === 0 ? [...august, ...september.slice(1)] : others([...september, ...august.slice(1)]);
      expect(await importPoliceUkFile(db.sql, tempFile(file, again))).toMatchObject({ inserted: 1_000, unchanged: 0 });
      expect((await monthDigest(db, '2033-08-01'))?.n).toBe(1_000);
      expect((await monthDigest(db, '2033-09-01'))?.n).toBe(1_000);
    });
  });
}

describe('month partitions', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('makes the partition of a month it has not seen and puts the rows there', async () => {
    expect(await crimeEventPartitionMonths(db.sql)).not.toContain('2031-01-01');
    await importPoliceUkFile(db.sql, tempFile('2031-01.csv', monthFile('2031-01')));
    expect(await crimeEventPartitionMonths(db.sql)).toContain('2031-01-01');
    const rows = await db.sql.query<{ partition: string; n: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM crime_event
       WHERE month = '2031-01-01' GROUP BY 1`,
    );
    expect(rows).toEqual([{ partition: 'crime_event_2031_01', n: 100 }]);
  });

  it('moves rows written to the default partition into their month when it is made', async () => {
    await db.sql.query(
      `INSERT INTO crime_event (id, month, reported_by, falls_within, crime_type)
       VALUES ('written-before', '2031-02-01', 'Test', 'Test', 'Burglary')`,
    );
    const [before] = await db.sql.query<{ partition: string }>(
      `SELECT tableoid::regclass::text AS partition FROM crime_event WHERE id = 'written-before'`,
    );
    expect(before?.partition).toBe('crime_event_default');
    await importPoliceUkFile(db.sql, tempFile('2031-02.csv', monthFile('2031-02')));
    const rows = await db.sql.query<{ partition: string; n: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM crime_event
       WHERE month = '2031-02-01' GROUP BY 1`,
    );
    expect(rows).toEqual([{ partition: 'crime_event_2031_02', n: 101 }]);
  });

  it('stores text with backslashes, tabs and line breaks exactly as the file has it', async () => {
    const lines = monthFile('2031-03');
    const cells = (lines[1] ?? '').split(',');
    cells[6] = '"On or near Back\\slash\tRoad\nEnd \\N"';
    lines[1] = cells.join(',');
    await importPoliceUkFile(db.sql, tempFile('2031-03.csv', lines));
    const [row] = await db.sql.query<{ location: string }>(
      `SELECT location FROM crime_event WHERE month = '2031-03-01' AND location LIKE 'On or near Back%'`,
    );
    expect(row?.location).toBe('On or near Back\\slash\tRoad\nEnd \\N');
  });

  it('prunes a one-month query to that month', async () => {
    const plan = await db.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT count(*) FROM crime_event WHERE month = '2031-01-01'`,
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toContain('crime_event_2031_01');
    expect(text).not.toContain('crime_event_2031_02');
    expect(text).not.toContain('crime_event_default');
  });
});

describe('a bad row late in a large file', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await importPoliceUkFile(db.sql, tempFile('2023-01.csv', monthFile('2023-01')));
  });
  afterAll(() => db.close());

  it('leaves the database exactly as it was, after rows were already staged with COPY', async () => {
    const before = await databaseDigest(db);
    const lines = monthFile('2032-07', 30); // 3,000 rows in batches of 500: six COPYs before the bad row
    const last = lines.length - 1;
    const cells = (lines[last] ?? '').split(',');
    cells[5] = '91.5';
    lines[last] = cells.join(',');

    const error = await importPoliceUkFile(db.sql, tempFile('late.csv', lines), { batchSize: 500 }).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      `late.csv: 1 invalid row; nothing was imported (use --skip-invalid to import the rest)\nlate.csv, line ${last + 1}, field "Latitude": is out of range (-90 to 90) (value "91.5")`,
    );
    expect(await databaseDigest(db)).toEqual(before);
    expect(await crimeEventPartitionMonths(db.sql)).not.toContain('2032-07-01');
    const [staging] = await db.sql.query<{ present: boolean }>(
      `SELECT to_regclass('crime_event_staging') IS NOT NULL AS present`,
    );
    expect(staging?.present).toBe(false);
  });
});

/** An empty database of the test backend, migrated by the caller (the template is migrated already). */
async function emptyDatabase(): Promise<Database> {
  if (testBackend === 'pglite') return openDatabase({ inMemory: true });
  return clonePostgresDatabase('template1', `lantern_months_${process.pid}_${Date.now()}`, true);
}

describe('migration 20261209120000_crime_event_partitions', () => {
  let db: Database;
  beforeAll(async () => {
    db = await emptyDatabase();
  });
  afterAll(() => db.close());

  it('moves the rows of a populated database into month partitions, unchanged', async () => {
    const migrations = readMigrations();
    const partitioning = migrations.findIndex(
      (migration) => migration.name === '20261209120000_crime_event_partitions',
    );
    await migrate(db.sql, migrations.slice(0, partitioning));
    await db.sql.query(
      `INSERT INTO crime_event (id, crime_id, month, reported_by, falls_within, geom, location, crime_type, outcome)
       SELECT 'old-' || n, 'crime-' || n, DATE '2019-01-01' + (n % 3) * INTERVAL '1 month', 'Test', 'Test',
              ST_SetSRID(ST_MakePoint(-1.15 + n / 1000.0, 52.95), 4326), 'On or near Street ' || n, 'Burglary',
              CASE WHEN n % 2 = 0 THEN 'Under investigation' END
       FROM generate_series(1, 30) AS n`,
    );
    const rowsText = `SELECT string_agg(concat_ws('|', id, crime_id, month, ST_AsText(geom), location, crime_type, outcome),
                                         ',' ORDER BY id) AS rows FROM crime_event`;
    const [before] = await db.sql.query<{ rows: string }>(rowsText);

    await migrate(db.sql, migrations);

    const [after] = await db.sql.query<{ rows: string }>(rowsText);
    expect(after?.rows).toBe(before?.rows);
    const placed = await db.sql.query<{ partition: string; n: number }>(
      `SELECT tableoid::regclass::text AS partition, count(*)::int AS n FROM crime_event GROUP BY 1 ORDER BY 1`,
    );
    expect(placed).toEqual([
      { partition: 'crime_event_2019_01', n: 10 },
      { partition: 'crime_event_2019_02', n: 10 },
      { partition: 'crime_event_2019_03', n: 10 },
    ]);
    const [kind] = await db.sql.query<{ partitioned: boolean }>(
      `SELECT relkind = 'p' AS partitioned FROM pg_class WHERE oid = 'crime_event'::regclass`,
    );
    expect(kind?.partitioned).toBe(true);
  });
});
