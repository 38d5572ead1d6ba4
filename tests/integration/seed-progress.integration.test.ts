import { givenDatabase, run } from '@lantern/cli';
import type { Database } from '@lantern/db';
import { seedStages } from '@lantern/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../support/capture-io.ts';
import { createTestDatabase } from '../support/test-database.ts';

let db: Database;
let stdout: string[];
let stderr: string[];
let code: number;
beforeAll(async () => {
  db = await createTestDatabase();
  // Not a terminal (captureIo says nothing of one): plain progress lines, as in a log or CI.
  const captured = captureIo();
  code = await run(['db', 'seed'], captured.io, givenDatabase(db));
  stdout = captured.out;
  stderr = captured.err;
});
afterAll(() => db.close());

describe('lantern db seed outside a terminal', () => {
  it('writes a plain progress line on stderr as each stage begins, with the rows so far', () => {
    expect(code).toBe(0);
    const progress = stderr.filter((line) => line.startsWith('seed ('));
    const stages = progress.map((line) => /^seed \(([^)]+)\):/.exec(line)?.[1]);
    // Every stage, in order (a long stage may add lines of its own every few seconds).
    expect([...new Set(stages)]).toEqual([...seedStages]);
    expect(progress[0]).toMatch(/^seed \(agencies\): 0%, 0 rows, 0 rows\/s/);
    const rows = progress.map((line) => Number(/, ([\d,]+) rows,/.exec(line)?.[1]?.replace(/,/g, '')));
    expect(rows.every((n, i) => i === 0 || n >= (rows[i - 1] ?? 0))).toBe(true);
    expect(rows.at(-1)).toBeGreaterThan(1000);
  });

  it('keeps stdout to the result and the demo accounts, with no progress in it', async () => {
    expect(stdout[0]).toMatch(/^seed: synth:county:\d+ in [\d.]+ s: agencies \d+, users \d+, people \d+/);
    expect(stdout).toContain('Demo accounts (synthetic data only; never use these credentials anywhere real):');
    expect(stdout.filter((line) => line.startsWith('seed ('))).toEqual([]);
    expect(stdout.filter((line) => /\d+%/.test(line))).toEqual([]);
    const [people] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    expect(people?.n).toBeGreaterThan(0);
  });
});
