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
  const rows = await db.sql.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_event ORDER BY audit_event.seq');
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
  it('seals what was waiting, reports an intact trail with its length and the window, and exits 0', async () => {
    const seqs = await appendEvents(4);
    const first = await lantern('audit', 'verify');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(
      new RegExp(
        `^audit chain intact: ${seqs.length} events\nsealed batches: 1; 4 events were waiting to be sealed \\(the oldest for \\d+\\.\\d s\\) and are sealed now$`,
      ),
    );
    expect(await lantern('audit', 'verify')).toEqual({
      code: 0,
      stdout: `audit chain intact: ${seqs.length} events\nsealed batches: 1; no event was waiting to be sealed`,
      stderr: '',
    });
  });

  it('reports the first edited event and exits 1, sealed or not', async () => {
    const seqs = await appendEvents(4);
    await tamper(`UPDATE audit_event SET reason = 'x' WHERE seq = ${seqs[1]}`);
    const broken = {
      code: 1,
      stdout: '',
      stderr: `audit chain broken at event ${seqs[1]}: its content does not match its hash (the event was edited)`,
    };
    expect(await lantern('audit', 'verify')).toEqual(broken);
    // Verifying sealed the edited event with the rest; it is still found.
    expect(await db.sql.query('SELECT seq FROM audit_pending')).toEqual([]);
    expect(await lantern('audit', 'verify')).toEqual(broken);
  });

  it('reports an event deleted while it waited to be sealed', async () => {
    const seqs = await appendEvents(4);
    await tamper(`DELETE FROM audit_event WHERE seq = ${seqs[1]}`);
    expect(await lantern('audit', 'verify')).toEqual({
      code: 1,
      stdout: '',
      stderr: `audit chain broken at event ${seqs[1]}: it was waiting to be sealed but is not in the trail (the event was deleted)`,
    });
  });

  it('reports an event deleted after it was sealed', async () => {
    const seqs = await appendEvents(4);
    expect((await lantern('audit', 'verify')).code).toBe(0);
    await tamper(`DELETE FROM audit_event WHERE seq = ${seqs[2]}`);
    expect(await lantern('audit', 'verify')).toEqual({
      code: 1,
      stdout: '',
      stderr: `audit chain broken at event ${seqs[2]}: it is listed in a sealed batch but is not in the trail (the event was deleted)`,
    });
  });
});
