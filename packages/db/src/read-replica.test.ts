import { describe, expect, it } from 'vitest';
import type { PrismaClient } from './generated/prisma/client.ts';
import {
  isReplicaUnavailable,
  parseLsn,
  type Reader,
  ReplicaRouter,
  replicaLagSeconds,
  type WalSample,
} from './read-replica.ts';
import type { Sql } from './sql.ts';

describe('parseLsn', () => {
  it('reads both halves of a WAL position as hexadecimal', () => {
    expect(parseLsn('0/3000000')).toBe(0x3000000n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('16/B374D848') > parseLsn('15/FFFFFFFF')).toBe(true);
  });

  it('refuses anything else, quoting it', () => {
    expect(() => parseLsn('16-B374')).toThrow('not a WAL position: "16-B374"');
  });
});

describe('replicaLagSeconds', () => {
  const samples: WalSample[] = [
    { at: 10_000, lsn: 100n },
    { at: 11_000, lsn: 200n },
    { at: 12_000, lsn: 300n },
  ];

  it('is the time since the newest primary position the replica has replayed', () => {
    expect(replicaLagSeconds(samples, 250n, 12_500)).toBe(1.5);
    expect(replicaLagSeconds(samples, 100n, 12_500)).toBe(2.5);
  });

  it('stays near zero on a quiet primary, however long ago its last commit was', () => {
    const quiet: WalSample[] = [
      { at: 10_000, lsn: 500n },
      { at: 11_000, lsn: 500n },
      { at: 12_000, lsn: 500n },
    ];
    expect(replicaLagSeconds(quiet, 500n, 12_100)).toBeCloseTo(0.1);
  });

  it('is unknown (null) when the replica has replayed none of the samples', () => {
    expect(replicaLagSeconds(samples, 99n, 12_500)).toBeNull();
    expect(replicaLagSeconds([], 99n, 12_500)).toBeNull();
  });
});

describe('isReplicaUnavailable', () => {
  it('knows a stopped, restarting or unreachable server, also wrapped as Prisma wraps it', () => {
    expect(
      isReplicaUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isReplicaUnavailable(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(
      isReplicaUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
    ).toBe(true);
    expect(isReplicaUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe(
      true,
    );
    expect(
      isReplicaUnavailable(
        Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' }),
      ),
    ).toBe(true);
  });

  it('leaves other failures alone: a bad query, a serialization failure on the primary', () => {
    expect(isReplicaUnavailable(Object.assign(new Error('relation "x" does not exist'), { code: '42P01' }))).toBe(
      false,
    );
    expect(
      isReplicaUnavailable(
        Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }),
      ),
    ).toBe(false);
    expect(isReplicaUnavailable(new RangeError('Not an instant'))).toBe(false);
  });
});

describe('ReplicaRouter', () => {
  const options = { url: 'postgresql://replica/db', maxLagSeconds: 5, checkIntervalMs: 60_000 };
  /** A reader whose SQL answers from `answer`, recording the statements. */
  function reader(target: Reader['target'], answer: (text: string) => unknown[]): Reader {
    const sql: Sql = {
      query: async <Row>(text: string) => answer(text) as Row[],
      exec: async () => undefined,
      copyFrom: async () => undefined,
    };
    return { target, sql, prisma: {} as PrismaClient };
  }
  const primary = reader('primary', () => [{ lsn: '0/100' }]);
  const standby = (recovering: boolean) => reader('replica', () => [{ recovering, replayed: '0/100' }]);

  it('reads on the replica once a check finds it caught up', async () => {
    const router = new ReplicaRouter({ primary, replica: standby(true), options });
    expect(await router.read(async (r) => r.target)).toBe('primary');
    await router.check();
    expect(router.current().target).toBe('replica');
    expect(await router.read(async (r) => r.target)).toBe('replica');
  });

  it('keeps reads on the primary when the "replica" is not in recovery (promoted, or a primary)', async () => {
    const changes: string[] = [];
    const router = new ReplicaRouter({
      primary,
      replica: standby(false),
      options,
      onChange: (state) => changes.push(state.target),
    });
    await router.check();
    expect(router.current()).toMatchObject({ target: 'primary', reason: expect.stringMatching(/not a standby/) });
    expect(changes).toEqual([]);
  });

  it('runs a read again on the primary when the replica fails to answer, and stays there', async () => {
    const changes: string[] = [];
    const router = new ReplicaRouter({
      primary,
      replica: standby(true),
      options,
      onChange: (state) => changes.push(state.target),
    });
    await router.check();
    const ran: string[] = [];
    const result = await router.read(async (r) => {
      ran.push(r.target);
      if (r.target === 'replica') throw Object.assign(new Error('terminating connection'), { code: '57P01' });
      return 'answered';
    });
    expect(result).toBe('answered');
    expect(ran).toEqual(['replica', 'primary']);
    expect(changes).toEqual(['replica', 'primary']);
    expect(await router.read(async (r) => r.target)).toBe('primary');
  });

  it('passes on any other error from the replica without running the work twice', async () => {
    const router = new ReplicaRouter({ primary, replica: standby(true), options });
    await router.check();
    let runs = 0;
    await expect(
      router.read(async () => {
        runs += 1;
        throw Object.assign(new Error('division by zero'), { code: '22012' });
      }),
    ).rejects.toThrow('division by zero');
    expect(runs).toBe(1);
  });
});
