import { Prisma } from './generated/prisma/client.ts';

/**
 * A caller's district scope: every district, or the ONS codes of the districts they cover (from
 * `Access.scope`). This file is the one place the rule becomes SQL, so every query reads it the
 * same way: 'all' adds no condition, a list keeps the rows whose district is in it, and an empty
 * list keeps none (a user with no districts sees nothing, never everything).
 */
export type DistrictScope = 'all' | readonly string[];

/**
 * The scope as a condition on a district-code column, for a `$queryRaw` tagged template.
 *
 * @example
 * districtScopeSql(Prisma.sql`p.home_district_code`, ['E07000174']);
 * // → p.home_district_code = ANY($1::text[])   with $1 = {E07000174}
 */
export function districtScopeSql(column: Prisma.Sql, scope: DistrictScope): Prisma.Sql {
  return scope === 'all' ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${[...scope]}::text[])`;
}

/** The same rule as a Prisma `where` filter on a district-code field; `undefined` adds no condition. */
export function districtScopeFilter(scope: DistrictScope): { in: string[] } | undefined {
  return scope === 'all' ? undefined : { in: [...scope] };
}
