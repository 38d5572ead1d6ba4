import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonRecord } from '../../../tests/support/factories.ts';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from './connect.ts';
import { type ImportedChild, resolveImportedChildren } from './import-children.ts';

/**
 * New children named by an import get random pseudonymous references. A reference another person
 * already holds, or one drawn twice in a batch, must not fail the import (it did, on the unique
 * constraint, in about one import of the synthetic county's missing episodes in 400).
 */
let db: Database;
let taken: string;
beforeAll(async () => {
  db = await createTestDatabase();
  taken = (await createPersonRecord(db)).pseudonymRef;
});
afterAll(() => db.close());

const child = (childRef: string, line: number): ImportedChild => ({
  childRef,
  sex: 'F',
  dateOfBirth: '2011-03-04',
  careStatus: 'home',
  homeDistrictCode: 'E07000174',
  homePoint: null,
  line,
});

/** Hands out `draws` in order, then fails the test if asked for more. */
function drawing(draws: string[]): () => string {
  return () => {
    const next = draws.shift();
    if (next === undefined) throw new Error('more references drawn than the test expected');
    return next;
  };
}

describe('children an import creates', () => {
  it('draw again a reference another person holds, or one drawn twice, and create every child once', async () => {
    const draws = drawing([taken, 'C-CLASH1', 'C-CLASH1', 'C-FRESH2', 'C-FRESH3']);
    const refs = ['CH-900001', 'CH-900002', 'CH-900003'];
    const result = await db.sql.transaction((tx) =>
      resolveImportedChildren(
        tx,
        refs.map((ref, index) => child(ref, index + 2)),
        'episodes.csv',
        draws,
      ),
    );
    expect(result.created).toBe(3);
    const stored = await db.sql.query<{ external_ref: string; pseudonym_ref: string; id: string }>(
      `SELECT external_ref, pseudonym_ref, id::text AS id FROM person WHERE external_ref = ANY($1::text[]) ORDER BY 1`,
      [refs],
    );
    expect(stored.map((row) => row.external_ref)).toEqual(refs);
    expect(new Set(stored.map((row) => row.pseudonym_ref))).toEqual(new Set(['C-CLASH1', 'C-FRESH2', 'C-FRESH3']));
    expect(Object.fromEntries(result.idOf)).toEqual(
      Object.fromEntries(stored.map((row) => [row.external_ref, row.id])),
    );
  });

  it('find the children it already knows and create none of them again', async () => {
    const again = await db.sql.transaction((tx) =>
      resolveImportedChildren(tx, [child('CH-900001', 2)], 'episodes.csv', drawing([])),
    );
    expect(again.created).toBe(0);
    expect(again.idOf.has('CH-900001')).toBe(true);
  });
});
