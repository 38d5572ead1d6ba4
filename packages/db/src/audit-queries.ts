import type { Role } from '@lantern/domain';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';

/** Reading the audit trail (writing and verifying it is audit.ts). */
export interface RecordAccessRow {
  seq: string;
  at: string;
  userId: string | null;
  email: string | null;
  displayName: string | null;
  role: Role | null;
  action: string;
  procedure: string | null;
  recordType: string | null;
  reason: string | null;
}

/** Events that name a record among their record ids (GIN-indexed), newest first. */
export async function auditEventsForRecord(prisma: PrismaTx, recordId: string, limit: number) {
  return prisma.$queryRaw<RecordAccessRow[]>`
    SELECT ae.seq::text AS "seq", to_char(ae.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
      ae.user_id::text AS "userId", u.email AS "email", u.display_name AS "displayName", ae.role::text AS "role",
      ae.action AS "action", ae.procedure AS "procedure", ae.record_type AS "recordType", ae.reason AS "reason"
    FROM audit_event ae LEFT JOIN app_user u ON u.id = ae.user_id
    WHERE ae.record_ids @> ARRAY[${recordId}]::text[]
    ORDER BY ae.seq DESC
    LIMIT ${limit}`;
}

/**
 * The latest create or update of a record, with who made it: what a CONFLICT tells the user
 * ("Changed by … at …"). Failed attempts are not audited as changes, so this is the change that won.
 */
export async function latestChangeOf(
  prisma: PrismaTx,
  recordId: string,
): Promise<{ at: string; displayName: string | null } | null> {
  const [row] = await prisma.$queryRaw<Array<{ at: string; displayName: string | null }>>`
    SELECT to_char(ae.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
      coalesce(u.display_name, u.email,
        CASE WHEN ae.procedure = 'import.places' THEN 'an import of places' END) AS "displayName"
    FROM audit_event ae LEFT JOIN app_user u ON u.id = ae.user_id
    WHERE ae.record_ids @> ARRAY[${recordId}]::text[] AND ae.action IN ('create', 'update')
    ORDER BY ae.seq DESC
    LIMIT 1`;
  return row ?? null;
}

export interface AuditSearchRow extends RecordAccessRow {
  recordIds: string[];
}

export interface AuditSearch {
  recordType?: string | undefined;
  recordId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  /** Events at or after this instant. */
  since?: Date | undefined;
  /** Events before this instant. */
  until?: Date | undefined;
  /** Events with a smaller seq (the last one of the previous page). */
  before?: string | undefined;
  limit: number;
}

/**
 * The audit viewer's page: events newest first, each filter optional. A record id uses the GIN
 * index on `record_ids`, a user the (user_id, at) index; `before` pages by seq without OFFSET.
 */
export async function searchAuditEvents(prisma: PrismaTx, search: AuditSearch): Promise<AuditSearchRow[]> {
  const filters = [
    search.recordType === undefined ? null : Prisma.sql`ae.record_type = ${search.recordType}`,
    search.recordId === undefined ? null : Prisma.sql`ae.record_ids @> ARRAY[${search.recordId}]::text[]`,
    search.userId === undefined ? null : Prisma.sql`ae.user_id = ${search.userId}::uuid`,
    search.action === undefined ? null : Prisma.sql`ae.action = ${search.action}`,
    search.since === undefined ? null : Prisma.sql`ae.at >= ${search.since}`,
    search.until === undefined ? null : Prisma.sql`ae.at < ${search.until}`,
    search.before === undefined ? null : Prisma.sql`ae.seq < ${search.before}::bigint`,
  ].filter((filter): filter is Prisma.Sql => filter !== null);
  const where = filters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty;
  return prisma.$queryRaw<AuditSearchRow[]>`
    SELECT ae.seq::text AS "seq", to_char(ae.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
      ae.user_id::text AS "userId", u.email AS "email", u.display_name AS "displayName", ae.role::text AS "role",
      ae.action AS "action", ae.procedure AS "procedure", ae.record_type AS "recordType",
      ae.record_ids AS "recordIds", ae.reason AS "reason"
    FROM audit_event ae LEFT JOIN app_user u ON u.id = ae.user_id
    ${where}
    ORDER BY ae.seq DESC
    LIMIT ${search.limit}`;
}
