import type { Role } from '@lantern/domain';
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
