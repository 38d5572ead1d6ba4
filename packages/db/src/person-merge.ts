import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/**
 * Merging one person record into another, and undoing it exactly. The merge moves every row
 * that refers to the merged-away person to the survivor and writes down what it moved in
 * `person_merge`; the merged-away person stays, marked `merged_into_id`, hidden from lists.
 *
 * What refers to a person is read from the database itself, so a table added later is moved
 * too: every single-column foreign key to `person(id)` (episodes, meetings, Philomena profiles,
 * disruption targets, intelligence subjects …), plus the references that are not foreign keys:
 * `entity_link` ends typed `person`, and NSD minutes keyed `child:<id>`. The audit trail is
 * append-only and keeps naming the records as they were.
 */

/** One kind of reference the merge moved: the rows by primary key, and values it changed besides. */
export interface MovedReference {
  table: string;
  column: string;
  /** Primary-key values of the moved rows, each joined with '|'. */
  keys: string[];
  /** Philomena profile numbers the move changed (to stay unique per person), by profile id. */
  previous?: Record<string, number>;
}

export interface PersonMergeRow {
  id: string;
  survivorId: string;
  mergedId: string;
  reason: string;
  moved: MovedReference[];
  mergedPerson: Record<string, unknown>;
  mergedById: string | null;
  mergedByName: string | null;
  mergedAt: Date;
}

export interface MergeLockRow {
  id: string;
  kind: string;
  version: number;
  mergedIntoId: string | null;
  homeDistrictCode: string | null;
}

/** Both people, locked for the rest of the transaction, in id order (no deadlock between merges). */
export async function lockPeopleForMerge(tx: PrismaTx, ids: readonly string[]): Promise<MergeLockRow[]> {
  return tx.$queryRaw<MergeLockRow[]>`
    SELECT id::text AS "id", kind::text AS "kind", version AS "version", merged_into_id::text AS "mergedIntoId",
      home_district_code AS "homeDistrictCode"
    FROM person WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`;
}

interface ForeignKeyReference {
  table: string;
  column: string;
  key: string[];
}

const identifier = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): Prisma.Sql {
  if (!identifier.test(name)) throw new Error(`unexpected identifier ${JSON.stringify(name)} in the catalogue`);
  return Prisma.raw(`"${name}"`);
}
const keyText = (alias: string, key: readonly string[]) =>
  Prisma.raw(`concat_ws('|', ${key.map((column) => `${alias}."${column}"::text`).join(', ')})`);

/** Every single-column foreign key to person(id), except the merge's own bookkeeping. */
async function personForeignKeys(tx: PrismaTx): Promise<ForeignKeyReference[]> {
  const rows = await tx.$queryRaw<ForeignKeyReference[]>`
    SELECT cl.relname AS "table", a.attname AS "column",
      (SELECT array_agg(pa.attname::text ORDER BY k.ord)
        FROM pg_constraint pk CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute pa ON pa.attrelid = pk.conrelid AND pa.attnum = k.attnum
        WHERE pk.conrelid = c.conrelid AND pk.contype = 'p') AS "key"
    FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass AND array_length(c.conkey, 1) = 1
    ORDER BY cl.relname, a.attname`;
  return rows.filter(
    (row) => row.table !== 'person_merge' && !(row.table === 'person' && row.column === 'merged_into_id'),
  );
}

/** The tables and columns that can hold a person's id, as the merge sees them (for tests and docs). */
export async function personReferenceColumns(tx: PrismaTx): Promise<string[]> {
  const foreign = (await personForeignKeys(tx)).map((reference) => `${reference.table}.${reference.column}`);
  return [...foreign, 'entity_link.from_id', 'entity_link.to_id', 'nsd_minute.item_key'].sort();
}

async function moveForeignKey(
  tx: PrismaTx,
  reference: ForeignKeyReference,
  survivorId: string,
  mergedId: string,
): Promise<MovedReference> {
  const table = ident(reference.table);
  const column = ident(reference.column);
  if (reference.key.length === 0) throw new Error(`${reference.table} has no primary key: a merge cannot record it`);
  if (reference.table === 'philomena_profile') {
    // Profile numbers are unique per person: the merged-away person's profiles follow the survivor's.
    const rows = await tx.$queryRaw<{ id: string; previous: number }[]>`
      WITH top AS (SELECT coalesce(max(profile_version), 0) AS n FROM philomena_profile WHERE person_id = ${survivorId}::uuid),
      old AS (SELECT id, profile_version FROM philomena_profile WHERE person_id = ${mergedId}::uuid FOR UPDATE)
      UPDATE philomena_profile pp SET person_id = ${survivorId}::uuid, profile_version = old.profile_version + top.n
      FROM old, top WHERE pp.id = old.id
      RETURNING pp.id::text AS "id", old.profile_version AS "previous"`;
    return {
      table: reference.table,
      column: reference.column,
      keys: rows.map((row) => row.id),
      previous: Object.fromEntries(rows.map((row) => [row.id, row.previous])),
    };
  }
  // Where the person is part of the primary key (a profile's list of people), a row the survivor
  // already has stays with the merged-away person rather than colliding.
  const others = reference.key.filter((column) => column !== reference.column);
  const collision = reference.key.includes(reference.column)
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM ${table} o WHERE o.${column} = ${survivorId}::uuid
        ${Prisma.join(
          others.map((other) => Prisma.sql`AND o.${ident(other)} = t.${ident(other)}`),
          ' ',
          '',
          '',
        )})`
    : Prisma.empty;
  const rows = await tx.$queryRaw<{ key: string }[]>`
    UPDATE ${table} t SET ${column} = ${survivorId}::uuid
    WHERE t.${column} = ${mergedId}::uuid ${collision}
    RETURNING ${keyText('t', reference.key)} AS "key"`;
  return { table: reference.table, column: reference.column, keys: rows.map((row) => row.key) };
}

async function moveLinks(tx: PrismaTx, end: 'from' | 'to', survivorId: string, mergedId: string) {
  const [idColumn, typeColumn, otherId, otherType] =
    end === 'from' ? ['from_id', 'from_type', 'to_id', 'to_type'] : ['to_id', 'to_type', 'from_id', 'from_type'];
  // A link between the two records would become a loop: it stays on the merged-away person.
  const rows = await tx.$queryRaw<{ key: string }[]>`
    UPDATE entity_link SET ${ident(idColumn)} = ${survivorId}::uuid
    WHERE ${ident(typeColumn)} = 'person' AND ${ident(idColumn)} = ${mergedId}::uuid
      AND NOT (${ident(otherType)} = 'person' AND ${ident(otherId)} = ${survivorId}::uuid)
    RETURNING id::text AS "key"`;
  return { table: 'entity_link', column: idColumn, keys: rows.map((row) => row.key) };
}

async function moveMinutes(tx: PrismaTx, survivorId: string, mergedId: string): Promise<MovedReference> {
  const rows = await tx.$queryRaw<{ key: string }[]>`
    UPDATE nsd_minute m SET item_key = ${`child:${survivorId}`}
    WHERE m.item_key = ${`child:${mergedId}`}
      AND NOT EXISTS (SELECT 1 FROM nsd_minute o WHERE o.meeting_id = m.meeting_id AND o.item_key = ${`child:${survivorId}`})
    RETURNING m.id::text AS "key"`;
  return { table: 'nsd_minute', column: 'item_key', keys: rows.map((row) => row.key) };
}

/**
 * Moves everything that refers to `mergedId` to `survivorId`, marks the merged-away person and
 * records the merge. The caller has locked both people and checked their versions.
 */
export async function mergePersonRows(
  tx: PrismaTx,
  input: { survivorId: string; mergedId: string; reason: string; mergedById: string | null },
): Promise<PersonMergeRow> {
  const { survivorId, mergedId } = input;
  const [snapshot] = await tx.$queryRaw<{ row: Record<string, unknown> }[]>`
    SELECT to_jsonb(p) AS "row" FROM person p WHERE p.id = ${mergedId}::uuid`;
  if (!snapshot) throw new Error(`person ${mergedId} vanished while locked`);
  const moved: MovedReference[] = [];
  for (const reference of await personForeignKeys(tx)) {
    moved.push(await moveForeignKey(tx, reference, survivorId, mergedId));
  }
  moved.push(await moveLinks(tx, 'from', survivorId, mergedId));
  moved.push(await moveLinks(tx, 'to', survivorId, mergedId));
  moved.push(await moveMinutes(tx, survivorId, mergedId));
  await tx.$executeRaw`
    UPDATE person SET merged_into_id = ${survivorId}::uuid, version = version + 1, updated_at = now()
    WHERE id = ${mergedId}::uuid`;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO person_merge (survivor_id, merged_id, reason, merged_person, moved, merged_by_id)
    VALUES (${survivorId}::uuid, ${mergedId}::uuid, ${input.reason}, ${JSON.stringify(snapshot.row)}::jsonb,
      ${JSON.stringify(moved)}::jsonb, ${input.mergedById}::uuid)
    RETURNING id::text AS "id"`;
  if (!row) throw new Error('person_merge insert returned nothing');
  const merge = await getPersonMerge(tx, mergedId);
  if (!merge) throw new Error(`merge ${row.id} vanished after insert`);
  return merge;
}

const mergeColumns = Prisma.sql`
  pm.id::text AS "id", pm.survivor_id::text AS "survivorId", pm.merged_id::text AS "mergedId", pm.reason AS "reason",
  pm.moved AS "moved", pm.merged_person AS "mergedPerson", pm.merged_by_id::text AS "mergedById",
  u.display_name AS "mergedByName", pm.merged_at AS "mergedAt"`;

/** The merge in force that took `mergedId` away, if any. */
export async function getPersonMerge(tx: PrismaTx, mergedId: string): Promise<PersonMergeRow | null> {
  const [row] = await tx.$queryRaw<PersonMergeRow[]>`
    SELECT ${mergeColumns} FROM person_merge pm LEFT JOIN app_user u ON u.id = pm.merged_by_id
    WHERE pm.merged_id = ${mergedId}::uuid`;
  return row ?? null;
}

/** The merges in force into `survivorId`, newest first. */
export async function listMergesInto(tx: PrismaTx, survivorId: string): Promise<PersonMergeRow[]> {
  return tx.$queryRaw<PersonMergeRow[]>`
    SELECT ${mergeColumns} FROM person_merge pm LEFT JOIN app_user u ON u.id = pm.merged_by_id
    WHERE pm.survivor_id = ${survivorId}::uuid ORDER BY pm.merged_at DESC, pm.id`;
}

async function primaryKeyOf(tx: PrismaTx, table: string): Promise<string[]> {
  const [row] = await tx.$queryRaw<{ key: string[] | null }[]>`
    SELECT (SELECT array_agg(pa.attname::text ORDER BY k.ord)
      FROM pg_constraint pk CROSS JOIN LATERAL unnest(pk.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute pa ON pa.attrelid = pk.conrelid AND pa.attnum = k.attnum
      WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS "key"
    FROM pg_class c WHERE c.relname = ${table} AND c.relkind = 'r'`;
  if (!row?.key) throw new Error(`table ${table} of a recorded merge has no primary key`);
  return row.key;
}

/**
 * Puts back exactly what `mergePersonRows` moved: each recorded row whose reference still points
 * at the survivor returns to the merged-away person, the person's merge mark, version and time of
 * change are restored from the snapshot (a person edited since gets a new version instead), and
 * the merge record is deleted.
 */
export async function undoPersonMerge(tx: PrismaTx, merge: PersonMergeRow): Promise<void> {
  const { survivorId, mergedId } = merge;
  for (const reference of merge.moved) {
    if (reference.keys.length === 0) continue;
    const table = ident(reference.table);
    const column = ident(reference.column);
    if (reference.table === 'nsd_minute' && reference.column === 'item_key') {
      await tx.$executeRaw`
        UPDATE nsd_minute SET item_key = ${`child:${mergedId}`}
        WHERE item_key = ${`child:${survivorId}`} AND id::text = ANY(${reference.keys}::text[])`;
      continue;
    }
    if (reference.table === 'philomena_profile') {
      await tx.$executeRaw`
        UPDATE philomena_profile SET person_id = ${mergedId}::uuid,
          profile_version = (${JSON.stringify(reference.previous ?? {})}::jsonb ->> id::text)::int
        WHERE person_id = ${survivorId}::uuid AND id::text = ANY(${reference.keys}::text[])`;
      continue;
    }
    const key = reference.table === 'entity_link' ? ['id'] : await primaryKeyOf(tx, reference.table);
    await tx.$executeRaw`
      UPDATE ${table} t SET ${column} = ${mergedId}::uuid
      WHERE t.${column} = ${survivorId}::uuid AND ${keyText('t', key)} = ANY(${reference.keys}::text[])`;
  }
  await tx.$executeRaw`
    UPDATE person p SET merged_into_id = s.merged_into_id,
      version = CASE WHEN p.version = s.version + 1 THEN s.version ELSE p.version + 1 END,
      updated_at = CASE WHEN p.version = s.version + 1 THEN s.updated_at ELSE now() END
    FROM jsonb_populate_record(NULL::person, ${JSON.stringify(merge.mergedPerson)}::jsonb) s
    WHERE p.id = s.id`;
  await tx.$executeRaw`DELETE FROM person_merge WHERE id = ${merge.id}::uuid`;
}
