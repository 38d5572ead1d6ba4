import { createServer, readApiEnv } from '@lantern/api';
import {
  appendAudit,
  appendAuditSql,
  auditLeafHash,
  type Database,
  queryWithAudit,
  type Sql,
  sealAuditBatch,
  searchPeopleStatement,
  verifyAuditChain,
} from '@lantern/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/api.ts';
import { createPersonRecord, createUser } from '../support/factories.ts';
import { lastAuditSeq } from '../support/procedure-calls.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The audit trail: events appended without a shared lock, each with its own leaf hash, then sealed
 * in order into signed batches chained onto each other, in append-only tables. What the API writes
 * verifies; the database refuses edits and deletions; an edit, a deletion, a reordering or an
 * insertion made by someone who switches the triggers off is found at exactly the event it touched.
 * Tests that tamper put things back.
 */
const district = 'E07000174';
const problem = {
  edited: 'its content does not match its hash (the event was edited)',
  missing: 'it is listed in a sealed batch but is not in the trail (the event was deleted)',
  reordered: 'its batch’s root does not match its events in order (events were reordered or replaced)',
  rewritten: 'its batch’s head or signature does not match (the batch was rewritten)',
  unsealed: 'it is in no sealed batch and not waiting to be sealed (it was inserted afterwards)',
};

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
  prev_hash: string | null;
  hash: string;
}

async function chain(): Promise<AuditRow[]> {
  return db.sql.query<AuditRow>(
    'SELECT seq::text AS seq, action, prev_hash, hash FROM audit_event ORDER BY audit_event.seq',
  );
}

interface BatchRow {
  batch: string;
  event_seqs: string[];
  root: string;
  prev_head: string;
  head: string;
  signature: string;
}

async function batches(): Promise<BatchRow[]> {
  return db.sql.query<BatchRow>(
    'SELECT batch::text AS batch, event_seqs::text[] AS event_seqs, root, prev_head, head, signature FROM audit_batch ORDER BY audit_batch.batch',
  );
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

/** A session's events, sealed: returns the newest batch. */
async function sealedSession() {
  const session = await auditedSession();
  await sealAuditBatch(db.sql);
  const newest = (await batches()).at(-1);
  if (!newest) throw new Error('nothing was sealed');
  return { ...session, batch: newest };
}

/** Runs `tamper` with the append-only triggers off, as an attacker with table ownership could. */
async function withTriggersDisabled(tamper: (tx: Sql) => Promise<void>) {
  await db.sql.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await tx.query('ALTER TABLE audit_batch DISABLE TRIGGER audit_batch_append_only');
    await tamper(tx);
    await tx.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
    await tx.query('ALTER TABLE audit_batch ENABLE TRIGGER audit_batch_append_only');
  });
}

const eventColumns =
  'seq, at, user_id, role, action, procedure, record_type, record_ids, reason, details, prev_hash, hash';

describe('the trail the API writes', () => {
  it('records sign-in, read, search and update in order, seals them and verifies', async () => {
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
    const unsealed = await verifyAuditChain(db.sql);
    expect(unsealed).toMatchObject({ ok: true, events: (await chain()).length });
    expect(unsealed.ok && unsealed.unsealed.events).toBeGreaterThanOrEqual(4);
    expect(await sealAuditBatch(db.sql)).toBeGreaterThanOrEqual(4);
    expect(await verifyAuditChain(db.sql)).toMatchObject({
      ok: true,
      events: (await chain()).length,
      unsealed: { events: 0, oldestSeconds: null },
    });
  });

  it('gives each event its own leaf hash and seals them in order into batches chained head to head', async () => {
    await sealedSession();
    await sealedSession();
    const rows = await chain();
    const all = await batches();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row.prev_hash).toBeNull();
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    all.forEach((batch, index) => {
      if (index > 0) expect(batch.prev_head).toBe(all[index - 1]?.head);
      expect(batch.event_seqs.map(BigInt)).toEqual([...batch.event_seqs.map(BigInt)].sort((a, b) => (a < b ? -1 : 1)));
      expect(batch.signature).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(all.flatMap((batch) => batch.event_seqs)).toEqual(rows.map((row) => row.seq));
  });

  // The insert computes the leaf in SQL from the content the server serialised; verification
  // recomputes it in the server. Names and reasons are not ASCII only.
  it('computes in SQL the leaf hash the server computes, for content beyond ASCII, on both append paths', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const input = {
      userId: user.id,
      role: 'police_analyst' as const,
      action: 'search' as const,
      procedure: 'people.search',
      recordType: 'person',
      recordIds: [],
      reason: 'Zoë O’Brien — “café” visit, 北京 🔦',
      details: { criteria: { name: 'Zoë Ōkawa\n\t"quoted"\\', limit: 25 } },
    };
    await db.sql.transaction((tx) => appendAuditSql(tx, input));
    await db.prisma.$transaction((tx) => appendAudit(tx, { ...input, action: 'read' }));
    const rows = await db.sql.query<{ seq: string; at: Date; action: string; hash: string }>(
      `SELECT seq::text AS seq, at, action, hash FROM audit_event WHERE user_id = $1::uuid ORDER BY seq`,
      [user.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['search', 'read']);
    for (const row of rows) {
      const content = { ...input, action: row.action as 'search' | 'read', at: new Date(row.at).toISOString() };
      expect(row.hash).toBe(auditLeafHash(row.seq, content));
    }
    await sealAuditBatch(db.sql);
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  // A read and its event in one statement: the database finds the ids, and the leaf hash over the
  // content with those ids must still be the server's.
  it('writes with a read, in one statement, the event appendAudit would write for the rows it shows', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const familyName = `Quillfeather${Date.now()}`;
    const ann = await createPersonRecord(db, { givenName: 'Ann', familyName });
    const bea = await createPersonRecord(db, { givenName: 'Bea', familyName });
    await createPersonRecord(db, { givenName: 'Cyd', familyName });
    const event = {
      userId: user.id,
      role: 'police_analyst' as const,
      action: 'search' as const,
      procedure: 'people.search',
      recordType: 'person',
      reason: 'Zoë O’Brien — “café” visit, 北京 🔦',
      details: { criteria: { name: `${familyName}\n\t"quoted"\\` } },
    };
    const search = searchPeopleStatement({ name: familyName, kinds: ['child'], limit: 3 }, 'all');

    const rows = await queryWithAudit<{ id: string; ordinal: number }>(db.sql, search, event, 2);

    expect(rows.map((row) => row.ordinal)).toEqual([1, 2, 3]);
    const [stored] = await db.sql.query<{ seq: string; at: Date; record_ids: string[]; hash: string }>(
      `SELECT seq::text AS seq, at, record_ids, hash FROM audit_event WHERE user_id = $1::uuid`,
      [user.id],
    );
    expect(stored?.record_ids).toEqual([ann.id, bea.id]);
    const content = { ...event, recordIds: [ann.id, bea.id], at: new Date(stored?.at ?? 0).toISOString() };
    expect(stored?.hash).toBe(auditLeafHash(stored?.seq ?? '', content));
    // Nothing found is a read too: its event lists no one.
    await queryWithAudit(db.sql, searchPeopleStatement({ name: familyName, kinds: [], limit: 3 }, 'all'), event, 2);
    const [empty] = await db.sql.query<{ seq: string; at: Date; record_ids: string[]; hash: string }>(
      `SELECT seq::text AS seq, at, record_ids, hash FROM audit_event WHERE user_id = $1::uuid ORDER BY seq DESC LIMIT 1`,
      [user.id],
    );
    expect(empty?.record_ids).toEqual([]);
    expect(empty?.hash).toBe(
      auditLeafHash(empty?.seq ?? '', { ...event, recordIds: [], at: new Date(empty?.at ?? 0).toISOString() }),
    );
    await sealAuditBatch(db.sql);
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('records audited calls that run at once, each once, and seals them together', async () => {
    await sealAuditBatch(db.sql);
    const user = await createUser(db, { roles: ['police_analyst'] });
    const before = await lastAuditSeq(db);
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        callerFor(db, user).people.search({ name: `Concurrent ${index}`, districtCode: district }),
      ),
    );
    const fresh = (await chain()).filter((row) => BigInt(row.seq) > before);
    expect(fresh.map((row) => row.action)).toEqual(Array.from({ length: 12 }, () => 'search'));
    expect(await sealAuditBatch(db.sql)).toBe(12);
    expect((await batches()).at(-1)?.event_seqs).toEqual(fresh.map((row) => row.seq));
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('appends without taking a lock that other writers wait for', async () => {
    await db.sql.transaction(async (tx) => {
      await appendAuditSql(tx, {
        userId: null,
        role: null,
        action: 'read',
        procedure: 'test.open',
        recordType: null,
        recordIds: [],
        reason: null,
        details: {},
      });
      const locks = await tx.query<{ locktype: string }>(
        `SELECT locktype FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory'`,
      );
      expect(locks).toEqual([]);
    });
  });
});

describe('a crash between appending and sealing', () => {
  it('loses nothing: the next start seals what is pending', async () => {
    await sealAuditBatch(db.sql);
    for (let index = 0; index < 5; index += 1) {
      await db.prisma.$transaction((tx) =>
        appendAudit(tx, {
          userId: null,
          role: 'police_analyst',
          action: 'read',
          procedure: 'people.get',
          recordType: 'person',
          recordIds: [],
          reason: `before the crash ${index}`,
          details: {},
        }),
      );
    }
    expect(await db.sql.query('SELECT seq FROM audit_pending')).toHaveLength(5);
    const app = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }) });
    try {
      expect(await db.sql.query('SELECT seq FROM audit_pending')).toEqual([]);
      const sealed = (await batches()).at(-1);
      const reasons = await db.sql.query<{ reason: string }>(
        'SELECT reason FROM audit_event WHERE seq = ANY($1::bigint[]) ORDER BY seq',
        [sealed?.event_seqs],
      );
      expect(reasons.map((row) => row.reason)).toEqual(
        Array.from({ length: 5 }, (_, index) => `before the crash ${index}`),
      );
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true, unsealed: { events: 0 } });
    } finally {
      await app.close();
    }
  });
});

describe('the append-only triggers', () => {
  it('refuse to UPDATE an audit event', async () => {
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

  it('refuse to DELETE an audit event', async () => {
    await auditedSession();
    const before = await chain();
    await expect(
      db.sql.query('DELETE FROM audit_event WHERE seq = $1::bigint', [before[0]?.seq]),
    ).rejects.toMatchObject({ message: 'audit_event is append-only', code: '42501' });
    expect(await chain()).toEqual(before);
  });

  it('refuse to UPDATE or DELETE a sealed batch', async () => {
    const { batch } = await sealedSession();
    await expect(
      db.sql.query(`UPDATE audit_batch SET root = 'x' WHERE batch = $1::bigint`, [batch.batch]),
    ).rejects.toMatchObject({ message: 'audit_batch is append-only', code: '42501' });
    await expect(db.sql.query('DELETE FROM audit_batch WHERE batch = $1::bigint', [batch.batch])).rejects.toMatchObject(
      { message: 'audit_batch is append-only', code: '42501' },
    );
    expect((await batches()).at(-1)).toEqual(batch);
  });
});

describe('tampering with the triggers switched off, inside a sealed batch', () => {
  it('finds an edit at exactly the edited event', async () => {
    const { child } = await sealedSession();
    const [read] = await db.sql.query<{ seq: string; record_ids: string[] }>(
      `SELECT seq::text AS seq, record_ids FROM audit_event WHERE action = 'read' AND $1 = ANY(record_ids)`,
      [child.id],
    );
    if (!read) throw new Error('the read was not audited');
    await withTriggersDisabled((tx) =>
      tx.query(`UPDATE audit_event SET record_ids = '{}' WHERE seq = $1::bigint`, [read.seq]).then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: false, seq: read.seq, problem: problem.edited });
    } finally {
      await withTriggersDisabled((tx) =>
        tx
          .query('UPDATE audit_event SET record_ids = $1::text[] WHERE seq = $2::bigint', [read.record_ids, read.seq])
          .then(() => undefined),
      );
    }
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('finds an edit that also rewrote the event’s hash, by its batch’s root', async () => {
    const { batch } = await sealedSession();
    const seq = batch.event_seqs[1] as string;
    const [saved] = await db.sql.query<{ reason: string | null; hash: string; at: string }>(
      'SELECT reason, hash, at FROM audit_event WHERE seq = $1::bigint',
      [seq],
    );
    // An attacker who knows the leaf formula recomputes the hash of the edited event.
    const { auditLeafHash } = await import('@lantern/db');
    const [row] = await db.sql.query<Record<string, unknown>>(
      `SELECT user_id, role::text AS role, action, procedure, record_type, record_ids, details FROM audit_event WHERE seq = $1::bigint`,
      [seq],
    );
    const forged = auditLeafHash(seq, {
      at: new Date(saved?.at as string).toISOString(),
      userId: row?.user_id as string | null,
      role: row?.role as never,
      action: row?.action as never,
      procedure: row?.procedure as string | null,
      recordType: row?.record_type as string | null,
      recordIds: row?.record_ids as string[],
      reason: 'nothing to see',
      details: row?.details as Record<string, unknown>,
    });
    await withTriggersDisabled((tx) =>
      tx
        .query(`UPDATE audit_event SET reason = 'nothing to see', hash = $2 WHERE seq = $1::bigint`, [seq, forged])
        .then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({
        ok: false,
        seq: batch.event_seqs[0],
        problem: problem.reordered,
      });
    } finally {
      await withTriggersDisabled((tx) =>
        tx
          .query('UPDATE audit_event SET reason = $2, hash = $3 WHERE seq = $1::bigint', [
            seq,
            saved?.reason,
            saved?.hash,
          ])
          .then(() => undefined),
      );
    }
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('finds a deletion at exactly the deleted event', async () => {
    const { batch } = await sealedSession();
    const victim = batch.event_seqs[1] as string;
    const [saved] = await db.sql.query<Record<string, unknown>>(
      `SELECT ${eventColumns.replace('at,', 'at::text AS at,').replace('role,', 'role::text AS role,').replace('details,', 'details::text AS details,')}
       FROM audit_event WHERE seq = $1::bigint`,
      [victim],
    );
    if (!saved) throw new Error(`event ${victim} is missing`);
    await withTriggersDisabled((tx) =>
      tx.query('DELETE FROM audit_event WHERE seq = $1::bigint', [victim]).then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: false, seq: victim, problem: problem.missing });
    } finally {
      await db.sql.query(
        `INSERT INTO audit_event (${eventColumns})
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
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('finds a reordering of a batch’s events', async () => {
    const { batch } = await sealedSession();
    const reordered = [batch.event_seqs[1], batch.event_seqs[0], ...batch.event_seqs.slice(2)];
    const setOrder = (order: unknown[]) =>
      withTriggersDisabled((tx) =>
        tx
          .query('UPDATE audit_batch SET event_seqs = $2::bigint[] WHERE batch = $1::bigint', [batch.batch, order])
          .then(() => undefined),
      );
    await setOrder(reordered);
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({
        ok: false,
        seq: reordered[0],
        problem: problem.reordered,
      });
    } finally {
      await setOrder(batch.event_seqs);
    }
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('finds an event inserted afterwards, and a batch rewritten to hold it', async () => {
    const { batch } = await sealedSession();
    const last = BigInt(batch.event_seqs.at(-1) as string);
    // A forged event with a number no other event has, looking like the ones around it.
    const forgedSeq = String(last * 1000n + 7n);
    await withTriggersDisabled((tx) =>
      tx
        .query(
          `INSERT INTO audit_event (seq, at, action, procedure, record_ids, details, prev_hash, hash)
           VALUES ($1::bigint, now(), 'read', 'people.get', '{}', '{}', NULL, $2)`,
          [forgedSeq, 'f'.repeat(64)],
        )
        .then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: false, seq: forgedSeq, problem: problem.unsealed });
      await withTriggersDisabled((tx) =>
        tx
          .query('UPDATE audit_batch SET event_seqs = event_seqs || $2::bigint WHERE batch = $1::bigint', [
            batch.batch,
            forgedSeq,
          ])
          .then(() => undefined),
      );
      expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: false, seq: forgedSeq, problem: problem.edited });
    } finally {
      await withTriggersDisabled(async (tx) => {
        await tx.query('DELETE FROM audit_event WHERE seq = $1::bigint', [forgedSeq]);
        await tx.query('UPDATE audit_batch SET event_seqs = $2::bigint[] WHERE batch = $1::bigint', [
          batch.batch,
          batch.event_seqs,
        ]);
      });
    }
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
  });

  it('finds a batch re-signed without the key', async () => {
    const { batch } = await sealedSession();
    await withTriggersDisabled((tx) =>
      tx
        .query('UPDATE audit_batch SET signature = $2 WHERE batch = $1::bigint', [batch.batch, 'a'.repeat(64)])
        .then(() => undefined),
    );
    try {
      expect(await verifyAuditChain(db.sql)).toMatchObject({
        ok: false,
        seq: batch.event_seqs[0],
        problem: problem.rewritten,
      });
      // The right key is needed to verify at all: another key finds every batch rewritten.
    } finally {
      await withTriggersDisabled((tx) =>
        tx
          .query('UPDATE audit_batch SET signature = $2 WHERE batch = $1::bigint', [batch.batch, batch.signature])
          .then(() => undefined),
      );
    }
    expect(await verifyAuditChain(db.sql)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db.sql, { key: 'another key entirely, 32 characters+' })).toMatchObject({
      ok: false,
      problem: problem.rewritten,
    });
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
