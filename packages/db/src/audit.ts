import { createHash, createHmac } from 'node:crypto';
import type { Role } from '@lantern/domain';
import { Prisma } from './generated/prisma/client.ts';
import type { PrismaTx } from './prisma-tx.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * The append-only audit trail, tamper-evident without serialising its writers.
 *
 * Appending takes no lock: each event is inserted, in the caller's transaction (an audited change
 * and its event commit together or not at all), with its own leaf hash (SHA-256 of its sequence
 * number and canonical content) and a row in `audit_pending`. A sealer (`sealAuditBatch`, run by
 * the server every `LANTERN_AUDIT_SEAL_MS` and at every start, one sealer at a time) takes the
 * committed pending events in sequence order into a numbered batch: the batch lists its events,
 * chains their leaf hashes into a root, chains its head onto the previous batch's head, and signs
 * the head with an HMAC under `LANTERN_AUDIT_KEY`, a secret the database does not hold. Batches are
 * append-only too. `verifyAuditChain` recomputes every leaf, root, head and signature, checks that
 * every event is sealed exactly once or still pending, and reports the unsealed window.
 *
 * Events written before batches existed (their `prev_hash` is set) form the original hash chain,
 * each event hashed onto the one before; it is verified as it was, and the first batch chains onto
 * its last hash.
 */
export const genesisHash = '0'.repeat(64);
const sealerLockKey = 7_264_618; // arbitrary, fixed: one sealer at a time

/** Used when `LANTERN_AUDIT_KEY` is unset outside production (the server refuses that in production). */
export const developmentAuditKey = 'lantern-development-audit-key-not-for-production';

export function auditSigningKey(env: NodeJS.ProcessEnv = process.env): string {
  return env.LANTERN_AUDIT_KEY || developmentAuditKey;
}

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
  return `{${canonicalMembers(value as Record<string, unknown>)
    .map(([key, text]) => `${JSON.stringify(key)}:${text}`)
    .join(',')}}`;
}

/** An object's members in canonical order, each value as canonical JSON. */
function canonicalMembers(value: Record<string, unknown>): [string, string][] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, v]) => [key, canonicalJson(v)]);
}

function contentObject(content: AuditContent): Record<string, unknown> {
  return {
    at: content.at,
    userId: content.userId,
    role: content.role,
    action: content.action,
    procedure: content.procedure,
    recordType: content.recordType,
    recordIds: [...content.recordIds],
    reason: content.reason,
    details: content.details,
  };
}

function contentBody(content: AuditContent): string {
  return canonicalJson(contentObject(content));
}

/**
 * The canonical content with a gap for the record ids: `before + JSON array of ids + after` is
 * `contentBody` of the content with those ids. For an event whose ids the database finds.
 */
function contentBodyAroundIds(content: Omit<AuditContent, 'recordIds'>): { before: string; after: string } {
  const members = canonicalMembers(contentObject({ ...content, recordIds: [] }));
  const gap = members.findIndex(([key]) => key === 'recordIds');
  const texts = members.map(([key, text]) => `${JSON.stringify(key)}:${text}`);
  return {
    before: `{${[...texts.slice(0, gap), '"recordIds":'].join(',')}`,
    after: `${texts
      .slice(gap + 1)
      .map((text) => `,${text}`)
      .join('')}}`,
  };
}

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  parts.forEach((part, index) => {
    if (index > 0) hash.update('\n');
    hash.update(part);
  });
  return hash.digest('hex');
};

/** The original chain's link: an event's hash over the previous event's hash and its content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return sha256(prevHash, contentBody(content));
}

/** An event's leaf hash: its sequence number and content, so it cannot move or change unseen. */
export function auditLeafHash(seq: string, content: AuditContent): string {
  return sha256('leaf', seq, contentBody(content));
}

function batchRoot(leaves: readonly string[]): string {
  return leaves.reduce((root, leaf) => sha256(root, leaf), genesisHash);
}

function batchHead(batch: string, prevHead: string, sealedAt: string, count: number, root: string): string {
  return sha256('batch', batch, prevHead, sealedAt, String(count), root);
}

function signHead(key: string, head: string): string {
  return createHmac('sha256', key).update(head).digest('hex');
}

/**
 * The common table expressions that append one event, for a statement that has already named
 * `shown` (one row, `ids`: the event's record ids as text[]): the event takes the next sequence
 * number and its leaf hash, SHA-256 of "leaf", that number and `body` (an SQL text expression,
 * the canonical content as `auditLeafHash` hashes it), and is marked pending. The hash needs the
 * number, so without computing it in SQL an append took a round trip more.
 */
function appendEventCtes(at: string, input: Omit<AuditInput, 'recordIds'>, body: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    next AS (SELECT nextval(pg_get_serial_sequence('audit_event', 'seq')) AS seq),
    event AS (
      INSERT INTO audit_event (seq, at, user_id, role, action, procedure, record_type, record_ids, reason, details, prev_hash, hash)
      SELECT next.seq, ${at}::timestamptz, ${input.userId}::uuid, ${input.role}::role, ${input.action}::text,
        ${input.procedure}::text, ${input.recordType}::text, shown.ids, ${input.reason}::text,
        ${canonicalJson(input.details)}::jsonb, NULL,
        encode(sha256(convert_to('leaf' || chr(10) || next.seq::text || chr(10) || ${body}, 'UTF8')), 'hex')
      FROM next, shown
      RETURNING seq),
    pending AS (INSERT INTO audit_pending (seq) SELECT seq FROM event)`;
}

/** One statement that appends the event (data-modifying CTEs run whether or not they are read). */
function appendStatement(input: AuditInput): Prisma.Sql {
  const at = new Date().toISOString();
  return Prisma.sql`
    WITH shown AS (SELECT ${[...input.recordIds]}::text[] AS ids),
    ${appendEventCtes(at, input, Prisma.sql`${contentBody({ ...input, at })}::text`)}
    SELECT 1`;
}

/**
 * A read and its audit event as one statement, so the read needs no transaction of its own: a
 * statement is atomic, and its event is written exactly when its rows are returned. BEGIN, the
 * read, the append and COMMIT were four round trips; this is one.
 *
 * `select` must give each row an `id` and an `ordinal` (its place in the answer); the event lists
 * the ids of the first `audited` rows by ordinal, and the rows come back in that order. The event
 * is the one `appendAudit` would write with those ids: the same leaf hash, over the same content.
 */
export async function queryWithAudit<Row>(
  sql: Sql,
  select: Prisma.Sql,
  input: Omit<AuditInput, 'recordIds'>,
  audited: number,
): Promise<Row[]> {
  const at = new Date().toISOString();
  const body = contentBodyAroundIds({ ...input, at });
  const statement = Prisma.sql`
    WITH found AS (${select}),
    shown AS (SELECT ARRAY(SELECT f.id::text FROM found f ORDER BY f.ordinal LIMIT ${audited}) AS ids),
    ${appendEventCtes(at, input, Prisma.sql`${body.before}::text || array_to_json(shown.ids)::text || ${body.after}::text`)}
    SELECT found.* FROM found ORDER BY found.ordinal`;
  return sql.query<Row>(statement.text, statement.values, { prepare: true });
}

export async function appendAudit(tx: PrismaTx, input: AuditInput): Promise<void> {
  await tx.$executeRaw(appendStatement(input));
}

/**
 * `appendAudit` for the plain SQL handle (bulk imports, hot reads), in the caller's transaction;
 * its statements are prepared.
 */
export async function appendAuditSql(tx: Sql, input: AuditInput): Promise<void> {
  const statement = appendStatement(input);
  await tx.query(statement.text, statement.values, { prepare: true });
}

/** Most events one batch seals; a longer backlog (after a crash) is sealed in several. */
const batchLimit = 10_000;

/**
 * Seals the committed pending events, oldest first, into batches. Returns how many it sealed; 0
 * when another sealer holds the lock (PostgreSQL with several servers) or nothing is pending.
 */
export async function sealAuditBatch(sql: TransactionalSql, key = auditSigningKey()): Promise<number> {
  let sealed = 0;
  for (;;) {
    // Most rounds of an idle server find nothing: one statement says so, without a transaction.
    const [waiting] = await sql.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM audit_pending) AS any');
    if (!waiting?.any) return sealed;
    const count = await sql.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [
        sealerLockKey,
      ]);
      if (!lock?.locked) return 0;
      const pending = await tx.query<{ seq: string; hash: string }>(
        `SELECT e.seq::text AS seq, e.hash FROM audit_pending p JOIN audit_event e ON e.seq = p.seq
         ORDER BY p.seq LIMIT $1`,
        [batchLimit],
      );
      if (pending.length === 0) return 0;
      const [last] = await tx.query<{ batch: string; head: string }>(
        'SELECT batch::text AS batch, head FROM audit_batch ORDER BY audit_batch.batch DESC LIMIT 1',
      );
      const prevHead = last?.head ?? (await lastChainedHash(tx));
      const batch = String(BigInt(last?.batch ?? '0') + 1n);
      const sealedAt = new Date().toISOString();
      const root = batchRoot(pending.map((event) => event.hash));
      const head = batchHead(batch, prevHead, sealedAt, pending.length, root);
      const seqs = pending.map((event) => event.seq);
      await tx.query(
        `INSERT INTO audit_batch (batch, sealed_at, event_seqs, root, prev_head, head, signature)
         VALUES ($1::bigint, $2::timestamptz, $3::bigint[], $4, $5, $6, $7)`,
        [batch, sealedAt, seqs, root, prevHead, head, signHead(key, head)],
      );
      await tx.query('DELETE FROM audit_pending WHERE seq = ANY($1::bigint[])', [seqs]);
      return pending.length;
    });
    sealed += count;
    if (count < batchLimit) return sealed;
  }
}

async function lastChainedHash(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ hash: string }>(
    'SELECT hash FROM audit_event WHERE prev_hash IS NOT NULL ORDER BY seq DESC LIMIT 1',
  );
  return row?.hash ?? genesisHash;
}

/** Events appended and not yet sealed: how many, and how long the oldest has waited. */
export interface UnsealedWindow {
  events: number;
  oldestSeconds: number | null;
}

export async function unsealedAuditWindow(sql: Sql): Promise<UnsealedWindow> {
  const [row] = await sql.query<{ events: number; oldest: number | null }>(
    `SELECT count(*)::int AS events, extract(epoch FROM clock_timestamp() - min(e.at))::float8 AS oldest
     FROM audit_pending p JOIN audit_event e ON e.seq = p.seq`,
  );
  return { events: row?.events ?? 0, oldestSeconds: row?.oldest ?? null };
}

export type AuditVerification =
  | { ok: true; events: number; batches: number; unsealed: UnsealedWindow }
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
  prev_hash: string | null;
  hash: string;
}

const eventColumns = `seq::text AS seq, at, user_id, role, action, procedure, record_type, record_ids, reason, details,
  prev_hash, hash`;

function contentOf(row: AuditRow): AuditContent {
  return {
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    role: row.role,
    action: row.action,
    procedure: row.procedure,
    recordType: row.record_type,
    recordIds: row.record_ids,
    reason: row.reason,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
  };
}

const problems = {
  edited: 'its content does not match its hash (the event was edited)',
  unlinked: 'its prev_hash is not the hash of the event before it (an event was removed or reordered)',
  missing: 'it is listed in a sealed batch but is not in the trail (the event was deleted)',
  reordered: 'its batch’s root does not match its events in order (events were reordered or replaced)',
  rewritten: 'its batch’s head or signature does not match (the batch was rewritten)',
  unchained: 'its batch does not chain onto the batch before it (a batch was removed or reordered)',
  twice: 'it is listed in two sealed batches',
  vanished: 'it was waiting to be sealed but is not in the trail (the event was deleted)',
  unsealed: 'it is in no sealed batch and not waiting to be sealed (it was inserted afterwards)',
} as const;

/**
 * Verifies the whole trail: the original chain, then every batch in order (each member's leaf
 * recomputed from its content, the root, the head's link to the batch before and its signature),
 * then that every later event is sealed exactly once or pending. Reports the first problem.
 */
export async function verifyAuditChain(
  sql: TransactionalSql,
  options: { key?: string; pageSize?: number } = {},
): Promise<AuditVerification> {
  // One snapshot for the whole walk. Read statement by statement, an event the sealer moved from
  // pending into a batch after the batches were read was seen in neither, and reported as inserted.
  return sql.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return verifyInOneSnapshot(tx, options);
  });
}

async function verifyInOneSnapshot(sql: Sql, options: { key?: string; pageSize?: number }): Promise<AuditVerification> {
  const key = options.key ?? auditSigningKey();
  const pageSize = options.pageSize ?? 5000;
  let expectedPrev = genesisHash;
  let after = '0';
  let events = 0;
  // 1. The original chain.
  for (;;) {
    const rows = await sql.query<AuditRow>(
      `SELECT ${eventColumns} FROM audit_event
       WHERE audit_event.prev_hash IS NOT NULL AND audit_event.seq > $1::bigint ORDER BY audit_event.seq LIMIT $2`,
      [after, pageSize],
    );
    for (const row of rows) {
      events += 1;
      if (row.prev_hash !== expectedPrev) return { ok: false, events, seq: row.seq, problem: problems.unlinked };
      if (auditHash(row.prev_hash, contentOf(row)) !== row.hash) {
        return { ok: false, events, seq: row.seq, problem: problems.edited };
      }
      expectedPrev = row.hash;
      after = row.seq;
    }
    if (rows.length < pageSize) break;
  }
  // 2. The batches, in order.
  const sealed = new Set<string>();
  let prevHead = expectedPrev;
  let batches = 0;
  let afterBatch = '0';
  for (;;) {
    const page = await sql.query<{
      batch: string;
      sealed_at: Date;
      event_seqs: string[];
      root: string;
      prev_head: string;
      head: string;
      signature: string;
    }>(
      `SELECT batch::text AS batch, sealed_at, event_seqs::text[] AS event_seqs, root, prev_head, head, signature
       FROM audit_batch WHERE batch > $1::bigint ORDER BY audit_batch.batch LIMIT 100`,
      [afterBatch],
    );
    for (const batch of page) {
      batches += 1;
      const first = batch.event_seqs[0] ?? '0';
      const members = await sql.query<AuditRow>(
        `SELECT ${eventColumns} FROM audit_event WHERE seq = ANY($1::bigint[])`,
        [batch.event_seqs],
      );
      const bySeq = new Map(members.map((row) => [row.seq, row]));
      const leaves: string[] = [];
      for (const seq of batch.event_seqs) {
        events += 1;
        const row = bySeq.get(seq);
        if (!row) return { ok: false, events, seq, problem: problems.missing };
        if (sealed.has(seq)) return { ok: false, events, seq, problem: problems.twice };
        sealed.add(seq);
        const leaf = auditLeafHash(seq, contentOf(row));
        if (leaf !== row.hash) return { ok: false, events, seq, problem: problems.edited };
        leaves.push(leaf);
      }
      if (batch.prev_head !== prevHead) return { ok: false, events, seq: first, problem: problems.unchained };
      if (batchRoot(leaves) !== batch.root) return { ok: false, events, seq: first, problem: problems.reordered };
      const head = batchHead(
        batch.batch,
        batch.prev_head,
        new Date(batch.sealed_at).toISOString(),
        batch.event_seqs.length,
        batch.root,
      );
      if (head !== batch.head || signHead(key, head) !== batch.signature) {
        return { ok: false, events, seq: first, problem: problems.rewritten };
      }
      prevHead = batch.head;
      afterBatch = batch.batch;
    }
    if (page.length < 100) break;
  }
  // 3. Every later event sealed or pending; a pending event's leaf checked like a sealed one's.
  const pendingRows = await sql.query<AuditRow & { pending_seq: string }>(
    `SELECT p.seq::text AS pending_seq, ${eventColumns.replace('seq::text AS seq', 'e.seq::text AS seq')}
     FROM audit_pending p LEFT JOIN audit_event e ON e.seq = p.seq ORDER BY p.seq`,
  );
  const pending = new Set<string>();
  for (const row of pendingRows) {
    if (row.seq === null) return { ok: false, events, seq: row.pending_seq, problem: problems.vanished };
    if (auditLeafHash(row.seq, contentOf(row)) !== row.hash) {
      return { ok: false, events, seq: row.seq, problem: problems.edited };
    }
    pending.add(row.seq);
  }
  after = '0';
  for (;;) {
    const rows = await sql.query<{ seq: string }>(
      `SELECT seq::text AS seq FROM audit_event WHERE prev_hash IS NULL AND seq > $1::bigint
       ORDER BY audit_event.seq LIMIT $2`,
      [after, pageSize * 10],
    );
    for (const { seq } of rows) {
      if (!sealed.has(seq) && !pending.has(seq)) return { ok: false, events, seq, problem: problems.unsealed };
      if (pending.has(seq)) events += 1;
      after = seq;
    }
    if (rows.length < pageSize * 10) break;
  }
  return { ok: true, events, batches, unsealed: await unsealedAuditWindow(sql) };
}
