import type { ProfileFigures, ProfileStatus, ProfileTerms, ProfileWriting } from '@lantern/domain';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Problem profiles (issue 16) and their versions. A version stores its terms, the figures
 * computed for them and the analyst's writing as JSON; `revision` is its optimistic-concurrency
 * counter. Approved versions are immutable: the table's trigger refuses any UPDATE or DELETE.
 */
export interface ProfileVersionRow {
  profileId: string;
  title: string;
  scope: ProfileTerms['scope'];
  districtCodes: string[];
  version: number;
  status: ProfileStatus;
  terms: ProfileTerms;
  figures: ProfileFigures;
  previousFigures: ProfileFigures | null;
  writing: ProfileWriting;
  revision: number;
  authorId: string | null;
  authorName: string | null;
  submittedById: string | null;
  submittedByName: string | null;
  submittedAt: string | null;
  approvedById: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  returnedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProfileListRow {
  id: string;
  title: string;
  scope: ProfileTerms['scope'];
  districtCodes: string[];
  from: string;
  to: string;
  status: ProfileStatus;
  version: number;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
}

const iso = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const versionColumns = Prisma.sql`
  p.id::text AS "profileId", p.title AS "title", p.scope AS "scope", p.district_codes AS "districtCodes",
  v.version AS "version", v.status AS "status", v.terms AS "terms", v.figures AS "figures",
  v.previous_figures AS "previousFigures", v.writing AS "writing", v.revision AS "revision",
  v.created_by_id::text AS "authorId", author.display_name AS "authorName",
  v.submitted_by_id::text AS "submittedById", submitter.display_name AS "submittedByName",
  ${iso(Prisma.sql`v.submitted_at`)} AS "submittedAt",
  v.approved_by_id::text AS "approvedById", approver.display_name AS "approvedByName",
  ${iso(Prisma.sql`v.approved_at`)} AS "approvedAt", v.returned_reason AS "returnedReason",
  ${iso(Prisma.sql`v.created_at`)} AS "createdAt", ${iso(Prisma.sql`v.updated_at`)} AS "updatedAt"`;

const versionJoins = Prisma.sql`
  FROM problem_profile_version v
  JOIN problem_profile p ON p.id = v.profile_id
  LEFT JOIN app_user author ON author.id = v.created_by_id
  LEFT JOIN app_user submitter ON submitter.id = v.submitted_by_id
  LEFT JOIN app_user approver ON approver.id = v.approved_by_id`;

export async function insertProblemProfile(
  tx: PrismaTx,
  values: { title: string; scope: string; districtCodes: readonly string[]; createdById: string },
): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO problem_profile (title, scope, district_codes, created_by_id)
    VALUES (${values.title}, ${values.scope}, ${[...values.districtCodes]}::text[], ${values.createdById}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('a problem profile vanished after insert');
  return row.id;
}

export async function insertProfileVersion(
  tx: PrismaTx,
  values: {
    profileId: string;
    version: number;
    terms: ProfileTerms;
    figures: ProfileFigures;
    previousFigures: ProfileFigures | null;
    writing: ProfileWriting;
    createdById: string;
  },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO problem_profile_version (profile_id, version, terms, figures, previous_figures, writing, created_by_id)
    VALUES (${values.profileId}::uuid, ${values.version}, ${JSON.stringify(values.terms)}::jsonb,
            ${JSON.stringify(values.figures)}::jsonb,
            ${values.previousFigures === null ? null : JSON.stringify(values.previousFigures)}::jsonb,
            ${JSON.stringify(values.writing)}::jsonb, ${values.createdById}::uuid)`;
}

/**
 * One version of a profile (or, without `version`, its latest), or null. `approvedOnly` limits it
 * to approved versions (what partners may read). `forUpdate` locks the row for the transaction.
 */
export async function getProfileVersion(
  tx: PrismaTx,
  profileId: string,
  options: { version?: number | undefined; approvedOnly?: boolean; forUpdate?: boolean } = {},
): Promise<ProfileVersionRow | null> {
  const version = options.version === undefined ? Prisma.empty : Prisma.sql`AND v.version = ${options.version}`;
  const approved = options.approvedOnly ? Prisma.sql`AND v.status = 'approved'` : Prisma.empty;
  const lock = options.forUpdate ? Prisma.sql`FOR UPDATE OF v` : Prisma.empty;
  const [row] = await tx.$queryRaw<ProfileVersionRow[]>`
    SELECT ${versionColumns} ${versionJoins}
    WHERE v.profile_id = ${profileId}::uuid ${version} ${approved}
    ORDER BY v.version DESC LIMIT 1 ${lock}`;
  return row ?? null;
}

/** Every version of a profile, oldest first (only approved ones with `approvedOnly`). */
export async function listProfileVersions(
  tx: PrismaTx,
  profileId: string,
  approvedOnly: boolean,
): Promise<Array<{ version: number; status: ProfileStatus; updatedAt: string; approvedAt: string | null }>> {
  const approved = approvedOnly ? Prisma.sql`AND v.status = 'approved'` : Prisma.empty;
  return tx.$queryRaw`
    SELECT v.version AS "version", v.status AS "status", ${iso(Prisma.sql`v.updated_at`)} AS "updatedAt",
           ${iso(Prisma.sql`v.approved_at`)} AS "approvedAt"
    FROM problem_profile_version v WHERE v.profile_id = ${profileId}::uuid ${approved}
    ORDER BY v.version`;
}

/** The figures of one version, or null when there is no such version. */
export async function profileVersionFigures(
  tx: PrismaTx,
  profileId: string,
  version: number,
): Promise<ProfileFigures | null> {
  const [row] = await tx.$queryRaw<Array<{ figures: ProfileFigures }>>`
    SELECT figures AS "figures" FROM problem_profile_version WHERE profile_id = ${profileId}::uuid AND version = ${version}`;
  return row?.figures ?? null;
}

/**
 * Profiles with their latest version (or, with `approvedOnly`, their latest approved version),
 * newest change first. `districtCodes` (when given) keeps profiles whose districts all lie within
 * them; a profile of every district (none listed) is kept only without that limit.
 */
export async function listProblemProfiles(
  tx: PrismaTx,
  options: { approvedOnly: boolean; districtCodes: readonly string[] | null; status?: ProfileStatus | undefined },
): Promise<ProfileListRow[]> {
  const approved = options.approvedOnly ? Prisma.sql`AND v.status = 'approved'` : Prisma.empty;
  const within =
    options.districtCodes === null
      ? Prisma.empty
      : Prisma.sql`AND cardinality(p.district_codes) > 0 AND p.district_codes <@ ${[...options.districtCodes]}::text[]`;
  const status = options.status === undefined ? Prisma.empty : Prisma.sql`AND l.status = ${options.status}`;
  return tx.$queryRaw`
    SELECT l.* FROM (
      SELECT DISTINCT ON (p.id)
        p.id::text AS "id", p.title AS "title", p.scope AS "scope", p.district_codes AS "districtCodes",
        v.terms->>'from' AS "from", v.terms->>'to' AS "to", v.status AS "status", v.version AS "version",
        author.display_name AS "authorName", ${iso(Prisma.sql`p.created_at`)} AS "createdAt",
        ${iso(Prisma.sql`v.updated_at`)} AS "updatedAt", ${iso(Prisma.sql`v.approved_at`)} AS "approvedAt",
        v.updated_at AS sort_at
      FROM problem_profile p
      JOIN problem_profile_version v ON v.profile_id = p.id
      LEFT JOIN app_user author ON author.id = p.created_by_id
      WHERE true ${approved} ${within}
      ORDER BY p.id, v.version DESC
    ) l WHERE true ${status}
    ORDER BY l.sort_at DESC, l."id"`.then((rows) =>
    (rows as Array<ProfileListRow & { sort_at?: unknown }>).map(({ sort_at: _sortAt, ...row }) => row),
  );
}

/** The columns a change to a version may set (terms also renames the profile). */
export interface ProfileVersionChange {
  status?: ProfileStatus;
  terms?: ProfileTerms;
  figures?: ProfileFigures;
  previousFigures?: ProfileFigures | null;
  writing?: ProfileWriting;
  submittedById?: string | null;
  approvedById?: string;
  returned?: { byId: string; reason: string | null };
}

/**
 * Applies a change to a version written against `revision`; returns the new revision, or null
 * when the version is no longer at that revision (a CONFLICT for the caller to raise).
 */
export async function changeProfileVersion(
  tx: PrismaTx,
  profileId: string,
  version: number,
  revision: number,
  change: ProfileVersionChange,
): Promise<number | null> {
  const sets: Prisma.Sql[] = [Prisma.sql`revision = revision + 1`, Prisma.sql`updated_at = now()`];
  if (change.status !== undefined) sets.push(Prisma.sql`status = ${change.status}`);
  if (change.terms !== undefined) sets.push(Prisma.sql`terms = ${JSON.stringify(change.terms)}::jsonb`);
  if (change.figures !== undefined) sets.push(Prisma.sql`figures = ${JSON.stringify(change.figures)}::jsonb`);
  if (change.previousFigures !== undefined) {
    const previous = change.previousFigures === null ? null : JSON.stringify(change.previousFigures);
    sets.push(Prisma.sql`previous_figures = ${previous}::jsonb`);
  }
  if (change.writing !== undefined) sets.push(Prisma.sql`writing = ${JSON.stringify(change.writing)}::jsonb`);
  if (change.submittedById !== undefined) {
    sets.push(Prisma.sql`submitted_by_id = ${change.submittedById}::uuid`);
    sets.push(change.submittedById === null ? Prisma.sql`submitted_at = NULL` : Prisma.sql`submitted_at = now()`);
  }
  if (change.approvedById !== undefined) {
    sets.push(Prisma.sql`approved_by_id = ${change.approvedById}::uuid`, Prisma.sql`approved_at = now()`);
  }
  if (change.returned !== undefined) {
    sets.push(
      Prisma.sql`returned_by_id = ${change.returned.byId}::uuid`,
      Prisma.sql`returned_at = now()`,
      Prisma.sql`returned_reason = ${change.returned.reason}`,
    );
  }
  const [row] = await tx.$queryRaw<Array<{ revision: number }>>`
    UPDATE problem_profile_version SET ${Prisma.join(sets, ', ')}
    WHERE profile_id = ${profileId}::uuid AND version = ${version} AND revision = ${revision}
    RETURNING revision AS "revision"`;
  if (row && change.terms !== undefined) {
    await tx.$executeRaw`
      UPDATE problem_profile SET title = ${change.terms.title}, scope = ${change.terms.scope},
        district_codes = ${[...change.terms.districtCodes]}::text[]
      WHERE id = ${profileId}::uuid`;
  }
  return row?.revision ?? null;
}
