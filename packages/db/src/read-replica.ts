import type { PrismaClient } from './generated/prisma/client.ts';
import { errorChain } from './pg-errors.ts';
import type { Sql } from './sql.ts';

/** Where a read ran: the primary, or the streaming replica named by LANTERN_READ_REPLICA_URL. */
export type ReadTarget = 'primary' | 'replica';

/** A database handle for read-only work: Prisma and raw SQL on the same server. */
export interface Reader {
  readonly target: ReadTarget;
  readonly prisma: PrismaClient;
  readonly sql: Sql;
}

export interface ReadReplicaOptions {
  /** PostgreSQL connection string of a hot standby of the primary. */
  url: string;
  /** Reads go to the primary while the replica may be further behind than this (seconds). */
  maxLagSeconds: number;
  /** How often the replica's replay position is compared with the primary's (ms). */
  checkIntervalMs: number;
}

/** What the router last found: where reads go now, and why. */
export interface ReplicaState {
  target: ReadTarget;
  /** Seconds the replica may be behind (an upper bound at the check's resolution); null when unknown. */
  lagSeconds: number | null;
  reason: string;
  checkedAt: Date;
}

/** A write position on the primary and when it was read. */
export interface WalSample {
  at: number;
  lsn: bigint;
}

/** A PostgreSQL LSN ("16/B374D848") as a number of bytes. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match) throw new Error(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/**
 * How stale the replica's view may be, from the primary's write positions sampled over time: all
 * it shows was committed before the newest sample it has replayed, so its lag is at most the time
 * since that sample. Unlike the time since the last replayed commit, this stays near zero while the
 * primary is quiet, and WAL that carries no commit (checkpoints, vacuum) cannot make it look behind.
 * `samples` oldest first; null when it has replayed none of them (at least as old as the oldest).
 */
export function replicaLagSeconds(samples: readonly WalSample[], replayed: bigint, now: number): number | null {
  for (let index = samples.length - 1; index >= 0; index--) {
    const sample = samples[index] as WalSample;
    if (sample.lsn <= replayed) return Math.max(0, (now - sample.at) / 1000);
  }
  return null;
}

/** Errors that say the replica cannot answer now (gone, shutting down, restarting, cancelled by replay). */
export function isReplicaUnavailable(error: unknown): boolean {
  return errorChain(error).some(({ code, message }) => {
    // 08: connection exceptions; 57P01-57P03: admin or crash shutdown, cannot connect now. A query
    // a standby cancelled because replay needed what it read (40001) says "conflict with recovery".
    if (code && /^(08|57P0[1-3])/.test(code)) return true;
    if (code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOENT'].includes(code)) return true;
    return (
      message !== undefined &&
      /Connection terminated|connection (?:is )?closed|terminating connection|connection error and is not queryable|timeout exceeded when trying to connect|the database system is (?:shutting down|starting up|in recovery)|conflict with recovery|ECONNREFUSED|ECONNRESET/i.test(
        message,
      )
    );
  });
}

interface ReplicaRouterParts {
  primary: Reader;
  replica: Reader;
  options: ReadReplicaOptions;
  /** Told when reads move between the primary and the replica (for the log). */
  onChange?: ((state: ReplicaState) => void) | undefined;
}

/**
 * Sends heavy read-only work to a streaming replica while it is a standby no further behind than
 * `maxLagSeconds`, and to the primary otherwise. Every `checkIntervalMs` it samples the primary's
 * write position and the replica's replay position; a read the replica fails to answer (stopped,
 * restarting, cancelled by replay) runs again on the primary, and reads stay there until a check
 * finds the replica back and caught up. Writes never come here.
 */
export class ReplicaRouter {
  private state: ReplicaState = {
    target: 'primary',
    lagSeconds: null,
    reason: 'not checked yet',
    checkedAt: new Date(),
  };
  private samples: WalSample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<ReplicaState> | undefined;

  constructor(private readonly parts: ReplicaRouterParts) {}

  /** Checks once now, then every `checkIntervalMs` until `stop`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.parts.options.checkIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  current(): ReplicaState {
    return this.state;
  }

  /** Runs read-only `work` on the replica when it is usable, else (or when it fails to answer) on the primary. */
  async read<T>(work: (reader: Reader) => Promise<T>): Promise<T> {
    if (this.state.target === 'primary') return work(this.parts.primary);
    try {
      return await work(this.parts.replica);
    } catch (error) {
      if (!isReplicaUnavailable(error)) throw error;
      this.settle({
        target: 'primary',
        lagSeconds: null,
        reason: `the replica did not answer: ${(error as Error).message}`,
        checkedAt: new Date(),
      });
      return work(this.parts.primary);
    }
  }

  /** Compares the two servers' positions now; one check at a time. */
  check(): Promise<ReplicaState> {
    this.checking ??= this.measure().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async measure(): Promise<ReplicaState> {
    const { primary, replica, options } = this.parts;
    const checkedAt = new Date();
    try {
      const [written] = await primary.sql.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      this.samples.push({ at: checkedAt.getTime(), lsn: parseLsn(written?.lsn ?? '') });
      // Samples older than the largest lag worth measuring cannot change the decision.
      const horizon = checkedAt.getTime() - (options.maxLagSeconds * 1000 + 2 * options.checkIntervalMs);
      while (this.samples.length > 1 && (this.samples[1] as WalSample).at < horizon) this.samples.shift();
    } catch {
      // The primary's own trouble is not the replica's: keep the last decision until it answers.
      return this.state;
    }
    try {
      const [standby] = await replica.sql.query<{ recovering: boolean; replayed: string | null }>(
        'SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS replayed',
      );
      if (!standby?.recovering || standby.replayed === null) {
        return this.settle({
          target: 'primary',
          lagSeconds: null,
          reason: 'the replica is not a standby in recovery (promoted or not a replica): reads stay on the primary',
          checkedAt,
        });
      }
      const lag = replicaLagSeconds(this.samples, parseLsn(standby.replayed), checkedAt.getTime());
      const usable = lag !== null && lag <= options.maxLagSeconds;
      return this.settle({
        target: usable ? 'replica' : 'primary',
        lagSeconds: lag,
        reason:
          lag === null
            ? 'the replica has not yet replayed the oldest primary position sampled'
            : usable
              ? `the replica is ${lag.toFixed(1)} s behind at most (limit ${options.maxLagSeconds} s)`
              : `the replica is ${lag.toFixed(1)} s behind, more than the limit of ${options.maxLagSeconds} s`,
        checkedAt,
      });
    } catch (error) {
      return this.settle({
        target: 'primary',
        lagSeconds: null,
        reason: `the replica did not answer: ${(error as Error).message}`,
        checkedAt,
      });
    }
  }

  private settle(next: ReplicaState): ReplicaState {
    const moved = next.target !== this.state.target;
    this.state = next;
    if (moved) this.parts.onChange?.(next);
    return next;
  }
}
