import { givenDatabase, type Io, run } from '@lantern/cli';
import { appendAudit, type Database } from '@lantern/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';

// Tampering is permanent, so every test gets a database of its own.
let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());

async function lantern(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await run(argv, io, givenDatabase(db));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Appends `count` events and returns their sequence numbers, in order. */
async function appendEvents(count: number): Promise<string[]> {
  for (let i = 0; i < count; i += 1) {
    await db.prisma.$transaction((tx) =>
      appendAudit(tx, {
        userId: null,
        role: 'police_analyst',
        action: 'read',
        procedure: 'people.get',
        recordType: 'person',
        recordIds: [`00000000-0000-4000-8000-00000000000${i}`],
        reason: `reason ${i}`,
        details: { attempt: i },
      }),
    );
  }
  const rows = await db.sql.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_event ORDER BY seq');
  return rows.map((row) => row.seq);
}

/** Runs SQL with the append-only trigger off, as someone with direct database access could. */
async function tamper(statement: string) {
  await db.sql.exec(`
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
    ${statement};
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;`);
}

describe('lantern audit verify', () => {
  it('reports an intact chain with its length and exits 0', async () => {
    const seqs = await appendEvents(4);
    expect(await lantern('audit', 'verify')).toEqual({
      code: 0,
      stdout: `audit chain intact: ${seqs.length} events`,
      stderr: '',
    });
  });

  it('reports the first edited event and exits 1', async () => {
    const seqs = await appendEvents(4);
    await tamper(`UPDATE audit_event SET reason = 'x' WHERE seq = ${seqs[1]}`);
    expect(await lantern('audit', 'verify')).toEqual({
      code: 1,
      stdout: '',
      stderr: `audit chain broken at event ${seqs[1]}: its content does not match its hash (the event was edited)`,
    });
  });

  it('reports a deleted event at the event after it', async () => {
    const seqs = await appendEvents(4);
    await tamper(`DELETE FROM audit_event WHERE seq = ${seqs[1]}`);
    expect(await lantern('audit', 'verify')).toEqual({
      code: 1,
      stdout: '',
      stderr: `audit chain broken at event ${seqs[2]}: its prev_hash is not the hash of the event before it (an event was removed or reordered)`,
    });
  });
});
