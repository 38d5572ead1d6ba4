import { createHash } from 'node:crypto';
import type { Role } from '@lantern/domain';
import type { PrismaTx } from './prisma-tx.ts';
import type { Sql } from './sql.ts';

/**
 * The append-only audit trail. Each event's hash is SHA-256 over the previous event's hash and
 * the event's canonical content, so editing, deleting or reordering any event breaks every hash
 * after it; `verifyAuditChain` finds the first broken link. Appends take a transaction-scoped
 * advisory lock so concurrent writers cannot fork the chain, and run inside the caller's
 * transaction: an audited change and its audit event commit together or not at all.
 */
export const genesisHash = '0'.repeat(64);
const auditLockKey = 7_264_617; // arbitrary, fixed: serialises appends

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'read'
  | 'search'
  | 'create'
  | 'update'
  | 'export'
  | 'denied';

export interface AuditInput {
  userId: string | null;
  role: Role | null;
  action: AuditAction;
  procedure: string | null;
  recordType: string | null;
  recordIds: readonly string[];
  reason: string | null;
  details: Record<string, unknown>;
}

interface AuditContent extends AuditInput {
  at: string;
}

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({
    at: content.at,
    userId: content.userId,
    role: content.role,
    action: content.action,
    procedure: content.procedure,
    recordType: content.recordType,
    recordIds: [...content.recordIds],
    reason: content.reason,
    details: content.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export async function appendAudit(tx: PrismaTx, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${auditLockKey}::bigint)`;
  const [last] = await tx.$queryRaw<Array<{ hash: string }>>`SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1`;
  const prevHash = last?.hash ?? genesisHash;
  const at = new Date().toISOString();
  const hash = auditHash(prevHash, { ...input, at });
  await tx.$executeRaw`
    INSERT INTO audit_event (at, user_id, role, action, procedure, record_type, record_ids, reason, details, prev_hash, hash)
    VALUES (${at}::timestamptz, ${input.userId}::uuid, ${input.role}::role, ${input.action}, ${input.procedure},
            ${input.recordType}, ${[...input.recordIds]}::text[], ${input.reason}, ${canonicalJson(input.details)}::jsonb,
            ${prevHash}, ${hash})`;
}

/**
 * `appendAudit` for the plain SQL handle of bulk imports: the same lock, chain and row, in the
 * import's own transaction.
 */
export async function appendAuditSql(tx: Sql, input: AuditInput): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [auditLockKey]);
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const prevHash = last?.hash ?? genesisHash;
  const at = new Date().toISOString();
  const hash = auditHash(prevHash, { ...input, at });
  await tx.query(
    `INSERT INTO audit_event (at, user_id, role, action, procedure, record_type, record_ids, reason, details, prev_hash, hash)
     VALUES ($1::timestamptz, $2::uuid, $3::role, $4, $5, $6, $7::text[], $8, $9::jsonb, $10, $11)`,
    [
      at,
      input.userId,
      input.role,
      input.action,
      input.procedure,
      input.recordType,
      [...input.recordIds],
      input.reason,
      canonicalJson(input.details),
      prevHash,
      hash,
    ],
  );
}

export type AuditVerification =
  | { ok: true; events: number }
  | { ok: false; events: number; seq: string; problem: string };

interface AuditRow {
  seq: string;
  at: Date;
  user_id: string | null;
  role: Role | null;
  action: AuditAction;
  procedure: string | null;
  record_type: string | null;
  record_ids: string[];
  reason: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Walks the whole chain in order, a page at a time, and reports the first broken link. */
export async function verifyAuditChain(sql: Sql, pageSize = 5000): Promise<AuditVerification> {
  let expectedPrev = genesisHash;
  let after = '0';
  let events = 0;
  for (;;) {
    const rows = await sql.query<AuditRow>(
      `SELECT seq::text AS seq, at, user_id, role, action, procedure, record_type, record_ids, reason, details, prev_hash, hash
       FROM audit_event WHERE audit_event.seq > $1::bigint ORDER BY audit_event.seq LIMIT $2`,
      [after, pageSize],
    );
    for (const row of rows) {
      events += 1;
      if (row.prev_hash !== expectedPrev) {
        return {
          ok: false,
          events,
          seq: row.seq,
          problem: 'its prev_hash is not the hash of the event before it (an event was removed or reordered)',
        };
      }
      const recomputed = auditHash(row.prev_hash, {
        at: new Date(row.at).toISOString(),
        userId: row.user_id,
        role: row.role,
        action: row.action,
        procedure: row.procedure,
        recordType: row.record_type,
        recordIds: row.record_ids,
        reason: row.reason,
        details: typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
      });
      if (recomputed !== row.hash) {
        return {
          ok: false,
          events,
          seq: row.seq,
          problem: 'its content does not match its hash (the event was edited)',
        };
      }
      expectedPrev = row.hash;
      after = row.seq;
    }
    if (rows.length < pageSize) return { ok: true, events };
  }
}
