import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from './connect.ts';
import { importRecords, type RecordImportSpec } from './csv-import.ts';
import type { Sql } from './sql.ts';

/**
 * The core of every import writes one batch while it reads the next, so that on PostgreSQL the
 * parsing and the database's work overlap; the first batch is an eighth of the batch size and each
 * next one twice the last, up to the size. The writes still run one at a time and in order, and a
 * write that fails fails the whole import, with nothing kept.
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query('CREATE TABLE import_records_probe (n int PRIMARY KEY)');
});
afterAll(async () => {
  await db.sql.query('DROP TABLE import_records_probe');
  await db.close();
});
beforeEach(() => db.sql.query('DELETE FROM import_records_probe'));

const records = (count: number) => [
  Array.from({ length: count }, (_, index) => ({ record: index + 1, line: index + 2 })),
];

async function stored(): Promise<number[]> {
  const rows = await db.sql.query<{ n: number }>('SELECT n FROM import_records_probe ORDER BY n');
  return rows.map((row) => row.n);
}

async function insertBatch(tx: Sql, batch: number[]): Promise<{ inserted: number; updated: number }> {
  await tx.query('INSERT INTO import_records_probe (n) SELECT unnest($1::int[])', [batch]);
  return { inserted: batch.length, updated: 0 };
}

describe('importRecords', () => {
  it('reads the next batch while the last one is written, and writes growing batches one at a time, in order', async () => {
    const events: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const spec: RecordImportSpec<number, number> = {
      parse(record) {
        events.push(`parse ${record}`);
        // The third record is read while the first batch's write is still held.
        if (record === 3) releaseFirst();
        return { ok: true, row: record };
      },
      async write(tx, batch) {
        events.push(`write ${batch.join(',')} start`);
        // Held until record 3 is read (or, were reading to wait for the write, for a second).
        if (batch[0] === 1) await Promise.race([firstHeld, new Promise((resolve) => setTimeout(resolve, 1000))]);
        const counts = await insertBatch(tx, batch);
        events.push(`write ${batch.join(',')} end`);
        return counts;
      },
    };
    const report = await importRecords(db.sql, records(13), 'probe.csv', spec, { batchSize: 4 });

    expect(report).toMatchObject({ rows: 13, inserted: 13, updated: 0, unchanged: 0, rejected: 0 });
    expect(await stored()).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
    // Batch 1's write starts, record 3 is parsed before it ends, and no write overlaps another.
    expect(events.indexOf('parse 3')).toBeLessThan(events.indexOf('write 1 end'));
    const writes = events.filter((event) => event.startsWith('write'));
    // Batches of 1 (an eighth of 4, rounded up), 2, then 4 at most.
    expect(writes).toEqual(
      ['1', '2,3', '4,5,6,7', '8,9,10,11', '12,13'].flatMap((batch) => [`write ${batch} start`, `write ${batch} end`]),
    );
  });

  it('fails the import when a batch cannot be written, keeps nothing, and leaves no write running', async () => {
    let writesRunning = 0;
    let finished = false;
    const spec: RecordImportSpec<number, number> = {
      parse: (record) => ({ ok: true, row: record }),
      async write(tx, batch) {
        writesRunning += 1;
        try {
          // The second batch (2 and 3) repeats a key of the first: the database refuses it.
          return await insertBatch(tx, batch[0] === 2 ? [1, ...batch] : batch);
        } finally {
          writesRunning -= 1;
        }
      },
      async finish() {
        finished = true;
      },
    };
    await expect(importRecords(db.sql, records(7), 'probe.csv', spec, { batchSize: 2 })).rejects.toThrow(
      /import_records_probe_pkey/,
    );
    expect(writesRunning).toBe(0);
    expect(finished).toBe(false);
    expect(await stored()).toEqual([]);
    // The handle is usable afterwards: the failed transaction was rolled back, not left open.
    await insertBatch(db.sql, [9]);
    expect(await stored()).toEqual([9]);
  });

  it("waits for the batch being written before it throws for the file's bad rows", async () => {
    let writesRunning = 0;
    const spec: RecordImportSpec<number, number> = {
      parse: (record, line) =>
        record === 4
          ? { ok: false, problems: [{ file: 'probe.csv', line, message: 'bad' }] }
          : { ok: true, row: record },
      async write(tx, batch) {
        writesRunning += 1;
        try {
          // Still on its way when the bad row is found.
          await new Promise((resolve) => setTimeout(resolve, 50));
          return await insertBatch(tx, batch);
        } finally {
          writesRunning -= 1;
        }
      },
    };
    await expect(importRecords(db.sql, records(5), 'probe.csv', spec, { batchSize: 2 })).rejects.toThrow(
      /1 invalid row; nothing was imported/,
    );
    expect(writesRunning).toBe(0);
    expect(await stored()).toEqual([]);
  });
});
