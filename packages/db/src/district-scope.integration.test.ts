import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonRecord } from '../../../tests/support/factories.ts';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from './connect.ts';
import { type DistrictScope, districtScopeFilter, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';

/** The one district-scope rule, in SQL and as a Prisma filter, against real rows. */
let db: Database;
const ids: Record<string, string> = {};
beforeAll(async () => {
  db = await createTestDatabase();
  for (const code of ['E07000170', 'E07000174', 'E06000018']) {
    ids[code] = (await createPersonRecord(db, { homeDistrictCode: code })).id;
  }
});
afterAll(() => db.close());

async function viaSql(scope: DistrictScope): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT p.id::text AS id FROM person p
    WHERE p.id = ANY(${Object.values(ids)}::uuid[]) AND ${districtScopeSql(Prisma.sql`p.home_district_code`, scope)}
    ORDER BY p.home_district_code`;
  return rows.map((row) => row.id);
}

async function viaFilter(scope: DistrictScope): Promise<string[]> {
  const rows = await db.prisma.person.findMany({
    where: { id: { in: Object.values(ids) }, homeDistrictCode: districtScopeFilter(scope) },
    orderBy: { homeDistrictCode: 'asc' },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

describe.each([
  ['districtScopeSql', viaSql],
  ['districtScopeFilter', viaFilter],
])('%s', (_name, query) => {
  it("keeps every row for 'all'", async () => {
    expect(await query('all')).toEqual([ids.E06000018, ids.E07000170, ids.E07000174]);
  });

  it('keeps only the rows of the districts in the scope', async () => {
    expect(await query(['E07000174'])).toEqual([ids.E07000174]);
    expect(await query(['E07000170', 'E06000018'])).toEqual([ids.E06000018, ids.E07000170]);
  });

  it('keeps nothing for an empty scope: no districts is no rows, never every row', async () => {
    expect(await query([])).toEqual([]);
  });
});
