import type { PersonKind } from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Candidate generation for duplicate people ("blocking"): the pairs worth scoring, found in SQL
 * so that the county list never compares every person with every other. A pair is a candidate
 * when the two people are of the same kind, neither has been merged away, both are in the
 * caller's scope, and they share a block:
 *
 * - the same date of birth, or one with day and month swapped, or the same day a year apart;
 * - the same family name and given initial, or the same given name and first two letters of the
 *   family name (equality keys: the county list stays a hash join, not a comparison of every pair);
 * - for one person, full names alike by trigram (pg_trgm on both backends, `person_name_trgm_idx`);
 * - one's alias equal to the other's given name or full name.
 *
 * The pure score (`scoreDuplicate` in packages/domain) decides which candidates are shown.
 */
export interface DuplicatePairRow {
  leftId: string;
  rightId: string;
  /** Places of concern linked to both. */
  sharedPlaces: number;
  /** People linked to both. */
  sharedAssociates: number;
}

export interface DuplicatePairQuery {
  /** Pairs that include this person only (the person page); otherwise every pair in scope. */
  personId?: string | undefined;
  /** Both people's home district must be this one when given. */
  districtCode?: string | undefined;
  kinds: readonly PersonKind[];
}

/** Trigram similarity of full names at which a pair is blocked together (pg_trgm's default is 0.3). */
const NAME_SIMILARITY_BLOCK = 0.45;

export async function findDuplicatePairs(
  tx: PrismaTx,
  query: DuplicatePairQuery,
  scope: DistrictScope,
): Promise<DuplicatePairRow[]> {
  if (query.kinds.length === 0) return [];
  const personId = query.personId ?? null;
  const district =
    query.districtCode === undefined ? Prisma.sql`TRUE` : Prisma.sql`p.home_district_code = ${query.districtCode}`;
  // `%` reads its threshold from this setting; LOCAL keeps it to the caller's transaction.
  await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(NAME_SIMILARITY_BLOCK)}, true)`;
  // Every block is an equality join. Without fresh statistics (PGlite has no autovacuum) the
  // planner takes the pool for a handful of rows and compares every pair in nested loops: minutes
  // on the county instead of well under a second. Hash joins are right at any size here.
  // (That adds a huge constant to the cost of a plan that still needs one, the trigram probe's:
  // with JIT on, PostgreSQL would compile the query with LLVM each call. Sessions have it off.)
  await tx.$executeRaw`SELECT set_config('enable_nestloop', 'off', true)`;
  return tx.$queryRaw<DuplicatePairRow[]>`
    WITH pool AS MATERIALIZED (
      SELECT p.id, p.kind, p.given_name, p.family_name, p.aliases,
        lower(p.given_name) AS given_key, lower(p.family_name) AS family_key,
        lower(p.given_name || ' ' || p.family_name) AS full_key,
        p.date_of_birth AS dob,
        CASE WHEN extract(day FROM p.date_of_birth) <= 12
          AND extract(day FROM p.date_of_birth) <> extract(month FROM p.date_of_birth)
          THEN make_date(extract(year FROM p.date_of_birth)::int, extract(day FROM p.date_of_birth)::int,
            extract(month FROM p.date_of_birth)::int) END AS swapped_dob
      FROM person p
      WHERE p.merged_into_id IS NULL AND p.kind::text = ANY(${[...query.kinds]}::text[])
        AND ${districtScopeSql(Prisma.sql`p.home_district_code`, scope)} AND ${district}
    ),
    focus AS MATERIALIZED (SELECT * FROM pool WHERE ${personId}::uuid IS NULL OR id = ${personId}::uuid),
    alias_key AS MATERIALIZED (
      SELECT pool.id, pool.kind, lower(alias) AS alias FROM pool CROSS JOIN LATERAL unnest(pool.aliases) alias
    ),
    blocked AS (
      SELECT f.id AS a, o.id AS b FROM focus f JOIN pool o ON o.kind = f.kind AND o.dob = f.dob
      UNION
      SELECT f.id, o.id FROM focus f JOIN pool o ON o.kind = f.kind AND o.dob = f.swapped_dob
      UNION
      SELECT f.id, o.id FROM focus f JOIN pool o ON o.kind = f.kind AND o.swapped_dob = f.dob
      UNION
      SELECT f.id, o.id FROM focus f JOIN pool o ON o.kind = f.kind AND o.dob = (f.dob + interval '1 year')::date
      UNION
      SELECT f.id, o.id FROM focus f JOIN pool o ON o.kind = f.kind AND o.dob = (f.dob - interval '1 year')::date
      UNION
      -- Names without the date of birth (which may be missing): equality keys, so that the county
      -- list stays a hash join; a misspelling keeps the first letters or the other name whole.
      SELECT f.id, o.id FROM focus f JOIN pool o ON o.kind = f.kind AND o.family_key = f.family_key
        AND left(o.given_key, 1) = left(f.given_key, 1)
      UNION
      SELECT f.id, o.id FROM focus f JOIN pool o ON o.kind = f.kind AND o.given_key = f.given_key
        AND left(o.family_key, 2) = left(f.family_key, 2)
      UNION
      -- One person's page also asks the trigram index (a single probe) for names alike.
      SELECT f.id, o.id FROM focus f
        JOIN person n ON ${personId}::uuid IS NOT NULL AND (n.given_name || ' ' || n.family_name) % (f.given_name || ' ' || f.family_name)
        JOIN pool o ON o.id = n.id AND o.kind = f.kind
      UNION
      SELECT f.id, o.id FROM focus f JOIN alias_key ak ON ak.id = f.id
        JOIN pool o ON o.kind = f.kind AND o.given_key = ak.alias
      UNION
      SELECT f.id, o.id FROM focus f JOIN alias_key ak ON ak.id = f.id
        JOIN pool o ON o.kind = f.kind AND o.full_key = ak.alias
      UNION
      SELECT f.id, ak.id FROM focus f JOIN alias_key ak ON ak.kind = f.kind AND ak.alias = f.given_key
      UNION
      SELECT f.id, ak.id FROM focus f JOIN alias_key ak ON ak.kind = f.kind AND ak.alias = f.full_key
    ),
    pairs AS (
      SELECT DISTINCT LEAST(a, b) AS a, GREATEST(a, b) AS b FROM blocked WHERE a <> b
    ),
    ends AS (SELECT a AS id FROM pairs UNION SELECT b FROM pairs),
    neighbour AS (
      SELECT DISTINCT l.from_id AS id, l.to_type::text AS type, l.to_id AS other FROM entity_link l
        WHERE l.from_type = 'person' AND l.to_type IN ('person', 'place') AND l.from_id IN (SELECT id FROM ends)
      UNION
      SELECT l.to_id, l.from_type::text, l.from_id FROM entity_link l
        WHERE l.to_type = 'person' AND l.from_type IN ('person', 'place') AND l.to_id IN (SELECT id FROM ends)
    ),
    shared AS (
      SELECT pr.a, pr.b,
        count(*) FILTER (WHERE na.type = 'place')::int AS places,
        count(*) FILTER (WHERE na.type = 'person' AND na.other NOT IN (pr.a, pr.b))::int AS associates
      FROM pairs pr
        JOIN neighbour na ON na.id = pr.a
        JOIN neighbour nb ON nb.id = pr.b AND nb.type = na.type AND nb.other = na.other
      GROUP BY pr.a, pr.b
    )
    SELECT pr.a::text AS "leftId", pr.b::text AS "rightId",
      coalesce(s.places, 0) AS "sharedPlaces", coalesce(s.associates, 0) AS "sharedAssociates"
    FROM pairs pr LEFT JOIN shared s ON s.a = pr.a AND s.b = pr.b
    ORDER BY pr.a, pr.b`;
}
