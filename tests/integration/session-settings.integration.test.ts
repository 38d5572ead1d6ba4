import type { Database } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend } from '../support/test-database.ts';

/**
 * What every connection sets as it opens (packages/db session-settings.ts): the word similarity
 * threshold name search relies on, and no JIT. With JIT on, PostgreSQL compiled a duplicate search
 * with LLVM on every call (2–2.6 s against milliseconds of work).
 */
let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('every connection', () => {
  it('has the search threshold and JIT off, on each of several connections at once', async () => {
    // Held open together inside transactions, so that a pool hands out different connections.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        db.sql.transaction(async (tx) => {
          const [row] = await tx.query<{ threshold: string; jit: string }>(
            `SELECT current_setting('pg_trgm.word_similarity_threshold') AS threshold, current_setting('jit') AS jit,
                    pg_sleep(0.05)::text AS slept`,
          );
          return { threshold: row?.threshold, jit: row?.jit };
        }),
      ),
    );
    expect(settings).toEqual(Array.from({ length: 4 }, () => ({ threshold: '0.5', jit: 'off' })));
  });
});

// PGlite has no JIT to turn off; the setting above is all there is to check there.
if (testBackend === 'postgres') {
  describe('a PostgreSQL connection', () => {
    it('compiles nothing with LLVM, however costly the plan looks', async () => {
      // Disabling nested loops makes this plan cost far more than jit_above_cost, as the duplicate
      // search's did; the plan it ran says whether JIT took part.
      const plan = await db.sql.transaction(async (tx) => {
        await tx.query(`SELECT set_config('enable_nestloop', 'off', true)`);
        const [row] = await tx.query<Record<string, unknown>>(
          `EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM generate_series(1, 50) a
           JOIN generate_series(1, 50) b ON a.a < b.b`,
        );
        return JSON.stringify(row);
      });
      expect(plan).toContain('Total Cost');
      expect(plan).not.toContain('JIT');
    });
  });
}
