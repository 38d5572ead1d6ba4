import type { CreatePersonInput, PersonKind, PersonRecord, UpdatePersonInput } from '@lantern/domain';
import { type DistrictScope, districtScopeSql } from './district-scope.ts';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';
import { wordSimilarityThreshold } from './session-settings.ts';

/** People: explicit selects, district scope applied in SQL, versions checked on update. */

/** A person as stored: the domain's PersonRecord, read with the columns below. */
export type PersonRow = PersonRecord;

const personColumns = Prisma.sql`
  p.id::text AS "id", p.kind::text AS "kind", p.pseudonym_ref AS "pseudonymRef", p.given_name AS "givenName",
  p.family_name AS "familyName", p.aliases AS "aliases", to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
  p.sex::text AS "sex", p.care_status::text AS "careStatus", p.responsible_authority AS "responsibleAuthority",
  p.home_district_code AS "homeDistrictCode", p.cse_risk::text AS "cseRisk",
  to_char(p.cse_flagged_at, 'YYYY-MM-DD') AS "cseFlaggedAt", p.cce_risk::text AS "cceRisk",
  to_char(p.cce_flagged_at, 'YYYY-MM-DD') AS "cceFlaggedAt", p.version AS "version"`;

const scopeFilter = (scope: DistrictScope) => districtScopeSql(Prisma.sql`p.home_district_code`, scope);

export interface PeopleQuery {
  name?: string | undefined;
  /** A person's pseudonymous reference (C-2SS3ET), matched exactly. */
  reference?: string | undefined;
  dateOfBirth?: string | undefined;
  districtCode?: string | undefined;
  cseFlagged?: boolean | undefined;
  cceFlagged?: boolean | undefined;
  /** The kinds the caller may find this way (decided by the API from the caller's views). */
  kinds: readonly PersonKind[];
  limit: number;
  offset?: number | undefined;
}

/**
 * Fuzzy search: trigram similarity (pg_trgm) of the query against the full name and every
 * alias, best first; the other criteria filter exactly. Scope is part of the WHERE clause.
 */
/** A person's full name as the trigram index `person_name_trgm_idx` holds it. */
const fullName = Prisma.sql`(p.given_name || ' ' || p.family_name)`;

export function searchPeopleStatement(query: PeopleQuery, scope: DistrictScope): Prisma.Sql {
  const name = query.name ?? null;
  // A person merged into another is reached through the survivor, never found on their own.
  const conditions = [scopeFilter(scope), Prisma.sql`p.merged_into_id IS NULL`];
  if (name !== null) {
    // The name or an alias matches, tested on the person row itself, so the planner ands the
    // trigram index scans with the scope's and the district's indexes and rechecks only the few
    // people both find (18 rows in the API benchmark's district, 0.4 ms), where a list of every
    // match in the county, filtered afterwards, rechecked 77 and read 767 (1.5 ms). The index
    // serves `<%` at the threshold every connection sets (session-settings.ts); the exact test
    // keeps word similarities above it.
    conditions.push(Prisma.sql`(${fullName} % ${name}
      OR (${name} <% ${fullName} AND word_similarity(${name}, ${fullName}) > ${Prisma.raw(`${wordSimilarityThreshold}`)})
      OR p.id = ANY(ARRAY(SELECT a.person_id FROM person_alias a WHERE a.alias % ${name})))`);
  }
  if (query.reference) conditions.push(Prisma.sql`p.pseudonym_ref = ${query.reference}`);
  if (query.dateOfBirth) conditions.push(Prisma.sql`p.date_of_birth = ${query.dateOfBirth}::date`);
  if (query.districtCode) conditions.push(Prisma.sql`p.home_district_code = ${query.districtCode}`);
  conditions.push(Prisma.sql`p.kind::text = ANY(${[...query.kinds]}::text[])`);
  if (query.cseFlagged !== undefined) {
    conditions.push(query.cseFlagged ? Prisma.sql`p.cse_risk <> 'none'` : Prisma.sql`p.cse_risk = 'none'`);
  }
  if (query.cceFlagged !== undefined) {
    conditions.push(query.cceFlagged ? Prisma.sql`p.cce_risk <> 'none'` : Prisma.sql`p.cce_risk = 'none'`);
  }
  const score =
    name === null
      ? Prisma.sql`NULL::float8`
      : Prisma.sql`GREATEST(similarity(${fullName}, ${name}),
          COALESCE((SELECT max(similarity(a, ${name})) FROM unnest(p.aliases) a), 0))::float8`;
  // `ordinal` is each person's place among all the results (a later page's continue from its
  // offset): the order of the rows and of the ids in the search's audit event (queryWithAudit,
  // which runs this statement prepared: planning it cost about as much as running it).
  return Prisma.sql`
    SELECT ${personColumns}, s.score AS "score",
      (row_number() OVER (ORDER BY s.score DESC NULLS LAST, p.family_name, p.given_name, p.id))::int AS "ordinal"
    FROM person p CROSS JOIN LATERAL (SELECT ${score} AS score) s
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY "ordinal"
    LIMIT ${query.limit} OFFSET ${query.offset ?? 0}`;
}

export type PersonSearchRow = PersonRow & { score: number | null; ordinal: number };

export async function getPerson(prisma: PrismaTx, id: string, scope: DistrictScope): Promise<PersonRow | null> {
  const [row] = await prisma.$queryRaw<PersonRow[]>`
    SELECT ${personColumns} FROM person p WHERE p.id = ${id}::uuid AND ${scopeFilter(scope)}`;
  return row ?? null;
}

export async function createPerson(tx: PrismaTx, input: CreatePersonInput, pseudonymRef: string): Promise<PersonRow> {
  const created = await tx.person.create({
    data: {
      kind: input.kind,
      pseudonymRef,
      givenName: input.givenName,
      familyName: input.familyName,
      aliases: input.aliases,
      dateOfBirth: input.dateOfBirth ? new Date(`${input.dateOfBirth}T00:00:00Z`) : null,
      sex: input.sex,
      careStatus: input.careStatus,
      responsibleAuthority: input.responsibleAuthority,
      homeDistrictCode: input.homeDistrictCode,
      cseRisk: input.cseRisk,
      cseFlaggedAt: input.cseFlaggedAt ? new Date(`${input.cseFlaggedAt}T00:00:00Z`) : null,
      cceRisk: input.cceRisk,
      cceFlaggedAt: input.cceFlaggedAt ? new Date(`${input.cceFlaggedAt}T00:00:00Z`) : null,
    },
    select: { id: true },
  });
  const row = await getPerson(tx, created.id, 'all');
  if (!row) throw new Error(`person ${created.id} vanished after insert`);
  return row;
}

const dateOrNull = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);

export type UpdateOutcome =
  | { status: 'updated'; person: PersonRow }
  | { status: 'not-found' }
  | { status: 'conflict'; currentVersion: number };

/**
 * Optimistic concurrency: the update applies only if the row still has the version the editor
 * read; otherwise nothing changes and the caller learns the current version.
 */
export async function updatePerson(
  tx: PrismaTx,
  { id, version, changes }: UpdatePersonInput,
  scope: DistrictScope,
): Promise<UpdateOutcome> {
  const current = await getPerson(tx, id, scope);
  if (!current) return { status: 'not-found' };
  const { count } = await tx.person.updateMany({
    where: { id, version },
    data: {
      ...changes,
      dateOfBirth: dateOrNull(changes.dateOfBirth),
      cseFlaggedAt: dateOrNull(changes.cseFlaggedAt),
      cceFlaggedAt: dateOrNull(changes.cceFlaggedAt),
      version: { increment: 1 },
      updatedAt: new Date(),
    },
  });
  if (count === 0) {
    // Another editor committed first (we waited on its row lock): report the version it left.
    const now = await getPerson(tx, id, 'all');
    return now ? { status: 'conflict', currentVersion: now.version } : { status: 'not-found' };
  }
  const person = await getPerson(tx, id, 'all');
  if (!person) return { status: 'not-found' };
  return { status: 'updated', person };
}

/** Several people by id, as `getPerson` reads one: those out of scope are simply absent. */
export async function getPeople(prisma: PrismaTx, ids: readonly string[], scope: DistrictScope): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return prisma.$queryRaw<PersonRow[]>`
    SELECT ${personColumns} FROM person p WHERE p.id = ANY(${[...ids]}::uuid[]) AND ${scopeFilter(scope)}`;
}
