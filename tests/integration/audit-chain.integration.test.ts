import { type Database, genesisHash, type Sql, verifyAuditChain } from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { lastAuditSeq } from '../support/procedure-calls.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The audit trail is a hash chain in an append-only table: what the API writes verifies, the
 * database refuses edits and deletions, and an edit or deletion made by someone who switches the
 * trigger off is found at exactly the event it broke. Tests that tamper put the event back.
 */
const district = 'E07000174';
const edited = 'its content does not match its hash (the event was edited)';
const removed = 'its prev_hash is not the hash of the event before it (an event was removed or reordered)';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

interface AuditRow {
  seq: string;
  action: string;
  prev_hash: string;
  hash: string;
}

async function chain(): Promise<AuditRow[]> {
  return db.sql.query<AuditRow>('SELECT seq::text AS seq, action, prev_hash, hash FROM audit_event ORDER BY seq');
}

/** Signs in, reads, searches and updates: one audit event each. Returns the user. */
async function auditedSession() {
  const user = await createUser(db, { roles: ['police_analyst'] });
  const child = await createPersonRecord(db, { homeDistrictCode: district, givenName: 'Audita' });
  await callerFor(db, null).auth.login({ email: user.email, password: user.password });
  const caller = callerFor(db, user);
  await caller.people.get({ id: child.id, reason: 'strategy meeting' });
  await caller.people.search({ name: 'Audita', districtCode: district });
  await caller.people.update({ id: child.id, version: 1, changes: { aliases: ['Ace'] } });
  return { user, child };
}

/** Runs `tamper` with the append-only trigger off, as an attacker with table ownership could. */
async function withTriggerDisabled(tamper: (tx: Sql) => Promise<void>) {
  await db.sql.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await tamper(tx);
    await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
  });
}

describe('the chain the API writes', () => {
  it('records sign-in, read, search and update in order, and verifies', async () => {
    const { user, child } = await auditedSession();
    const rows = await db.sql.query<{ action: string; procedure: string; record_ids: string[]; reason: string | null }>(
      'SELECT action, procedure, record_ids, reason FROM audit_event WHERE user_id = $1::uuid ORDER BY seq',
      [user.id],
    );
    expect(rows).toEqual([
      { action: 'login', procedure: 'auth.login', record_ids: [], reason: null },
      { action: 'read', procedure: 'people.get', record_ids: [child.id], reason: 'strategy meeting' },
      { action: 'search', procedure: 'people.search', record_ids: [child.id], reason: null },
      { action: 'update', procedure: 'people.update', record_ids: [child.id], reason: null },
    ]);
    expect(await verifyAuditChain(db.sql)).toEqual({ ok: true, events: (await chain()).length });
  });

  it('links every event to the hash of the one before it, the first to the genesis hash', async () => {
    await auditedSession();
    const rows = await chain();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    rows.forEach((row, index) => {
      expect(row.prev_hash, `event ${row.seq}`).toBe(index === 0 ? genesisHash : rows[index - 1]?.hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('keeps one unforked chain when audited calls run at once', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const before = await lastAuditSeq(db);
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        callerFor(db, user).people.search({ name: `Concurrent ${index}`, districtCode: district }),
      ),
    );
    const rows = await chain();
    expect(rows.filter((row) => BigInt(row.seq) > before).map((row) => row.action)).toEqual(
      Array.from({ length: 12 }, () => 'search'),
    );
    expect(new Set(rows.map((row) => row.prev_hash)).size).toBe(rows.length);
    expect(await verifyAuditChain(db.sql)).toEqual({ ok: true, events: rows.length });
  });
});

describe('the append-only trigger', () => {
  it('refuses to UPDATE an audit event', async () => {
    await auditedSession();
    const [first] = await chain();
    await expect(
      db.sql.query(`UPDATE audit_event SET reason = 'covering tracks' WHERE seq = $1::bigint`, [first?.seq]),
    ).rejects.toMatchObject({ message: 'audit_event is append-only', code: '42501' });
    const [after] = await db.sql.query<{ reason: string | null }>(
      'SELECT reason FROM audit_event WHERE seq = $1::bigint',
      [first?.seq],
    );
    expect(after?.reason).not.toBe('covering tracks');
  });

  it('refuses to DELETE an audit event', async () => {
    await auditedSession();
    const before = await chain();
    await expect(
      db.sql.query('DELETE FROM audit_event WHERE seq = $1::bigint', [before[0]?.seq]),
    ).rejects.toMatchObject({ message: 'audit_event is append-only', code: '42501' });
    expect(await chain()).toEqual(before);
  });
});

describe('tampering with the trigger switched off', () => {
  it('is found at exactly the edited event', async () => {
    const { child } = await auditedSession();
    const [read] = await db.sql.query<{ seq: string; record_ids: string[] }>(
      `SELECT seq::text AS seq, record_ids FROM audit_event WHERE action = 'read' AND $1 = ANY(record_ids)`,
      [child.id],
    );
    if (!read) throw new Error('the read was not audited');
    await withTriggerDisabled((tx) =>
      tx.query(`UPDATE audit_event SET record_ids = '{}' WHERE seq = $1::bigint`, [read.seq]).then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: false, seq: read.seq, problem: edited });
    } finally {
      await withTriggerDisabled((tx) =>
        tx
          .query('UPDATE audit_event SET record_ids = $1::text[] WHERE seq = $2::bigint', [read.record_ids, read.seq])
          .then(() => undefined),
      );
    }
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('finds a deleted event at the event after it', async () => {
    await auditedSession();
    const rows = await chain();
    const victim = rows[rows.length - 3];
    const next = rows[rows.length - 2];
    if (!victim || !next) throw new Error('the chain is too short');
    const [saved] = await db.sql.query<Record<string, unknown>>(
      `SELECT seq, at::text AS at, user_id, role::text AS role, action, procedure, record_type, record_ids, reason,
              details::text AS details, prev_hash, hash
       FROM audit_event WHERE seq = $1::bigint`,
      [victim.seq],
    );
    if (!saved) throw new Error(`event ${victim.seq} is missing`);
    await withTriggerDisabled((tx) =>
      tx.query('DELETE FROM audit_event WHERE seq = $1::bigint', [victim.seq]).then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: false, seq: next.seq, problem: removed });
    } finally {
      await db.sql.query(
        `INSERT INTO audit_event (seq, at, user_id, role, action, procedure, record_type, record_ids, reason, details, prev_hash, hash)
         VALUES ($1::bigint, $2::timestamptz, $3::uuid, $4::role, $5, $6, $7, $8::text[], $9, $10::jsonb, $11, $12)`,
        [
          saved.seq,
          saved.at,
          saved.user_id,
          saved.role,
          saved.action,
          saved.procedure,
          saved.record_type,
          saved.record_ids,
          saved.reason,
          saved.details,
          saved.prev_hash,
          saved.hash,
        ],
      );
    }
    expect(await verifyAuditChain(db.sql)).toEqual({ ok: true, events: rows.length });
  });
});

describe('failed mutations', () => {
  it('leave no audit event when the update is a CONFLICT', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const child = await createPersonRecord(db, { homeDistrictCode: district });
    await callerFor(db, user).people.update({ id: child.id, version: 1, changes: { aliases: ['First'] } });
    const before = await chain();
    await expect(
      callerFor(db, user).people.update({ id: child.id, version: 1, changes: { aliases: ['Second'] } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await chain()).toEqual(before);
    expect(
      await db.prisma.person.findUniqueOrThrow({ where: { id: child.id }, select: { aliases: true, version: true } }),
    ).toEqual({ aliases: ['First'], version: 2 });
  });

  it('leave no audit event when the input is refused', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const child = await createPersonRecord(db, { homeDistrictCode: district });
    const before = await chain();
    await expect(
      callerFor(db, user).people.update({ id: child.id, version: 1, changes: { cseRisk: 'high' } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'changes.cseFlaggedAt: is required when cseRisk is "high"',
    });
    expect(await chain()).toEqual(before);
  });
});
