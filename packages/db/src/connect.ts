import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type QueryOptions as PGliteQueryOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { copyDataBlob, copyStatement } from './copy-text.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import {
  type ChannelHandlers,
  type Listening,
  listenOnPglite,
  listenOnPostgres,
  type ReconnectOptions,
} from './listen.ts';
import { pglitePreparedStatements } from './pglite-prepared.ts';
import { slimPostgis } from './postgis-bundle.ts';
import { type Reader, type ReadReplicaOptions, ReplicaRouter, type ReplicaState } from './read-replica.ts';
import { sessionSettingsSql } from './session-settings.ts';
import type { CopyData, QueryOptions, Sql, TransactionalSql } from './sql.ts';

export type Backend = 'pglite' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default ./.lantern/db). Ignored for PostgreSQL. */
  dataDir?: string | undefined;
  /** PGlite only: start from a dumped data directory (a template) instead of `dataDir`. */
  loadDataDir?: Blob | undefined;
  /** PGlite only: keep the database in memory. */
  inMemory?: boolean | undefined;
  /** PostgreSQL only: a streaming replica for heavy read-only work (`Database.read`). */
  readReplica?: ReadReplicaOptions | undefined;
  /** Told when reads move between the primary and the replica. */
  onReadTargetChange?: ((state: ReplicaState) => void) | undefined;
}

export interface Database {
  readonly backend: Backend;
  readonly sql: TransactionalSql;
  readonly prisma: PrismaClient;
  /**
   * Runs heavy read-only work (tiles, hot spots, networks, profiles, reports) on the read replica
   * when one is configured, caught up and answering, else on the primary. Never for writes, and
   * never for a read whose audit event must share its transaction.
   */
  read<T>(work: (reader: Reader) => Promise<T>): Promise<T>;
  /** Where `read` sends work now and why; null without a replica. */
  readState(): ReplicaState | null;
  /**
   * LISTEN on a notification channel of the primary, on a connection of its own (listen.ts):
   * `handlers` hear when listening starts and stops, and each notification. Resolves after the
   * first attempt, listening or not; a lost connection is replaced (`reconnect`, PostgreSQL).
   */
  listen(channel: string, handlers: ChannelHandlers, reconnect?: ReconnectOptions): Promise<Listening>;
  /** PGlite only: the whole data directory as a tarball, uncompressed (a template for tests). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export const defaultDataDir = './.lantern/db';

/** Opens the embedded database unless a `databaseUrl` is given. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  if (options.readReplica) {
    throw new Error(
      'LANTERN_READ_REPLICA_URL needs DATABASE_URL: a read replica is a PostgreSQL standby, and the embedded database has none',
    );
  }
  return openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let dataDir: string | undefined;
  let unlock: () => Promise<void> = async () => undefined;
  if (!options.inMemory && !options.loadDataDir) {
    dataDir = options.dataDir ?? defaultDataDir;
    mkdirSync(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await startPglite({ dataDir, loadDataDir: options.loadDataDir });
  } catch (error) {
    await unlock();
    throw error;
  }
  return pgliteDatabase(pglite, async () => {
    await pglite.close();
    await unlock();
  });
}

/**
 * A PGlite instance with Lantern's extensions and session settings: in memory, on `dataDir`, or
 * loaded from a dumped data directory. `openDatabase` is the way in; tests that reuse an instance
 * across files (tests/support) start one here and wrap it with `pgliteDatabase`.
 */
export async function startPglite(options: { dataDir?: string | undefined; loadDataDir?: Blob | undefined }) {
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { postgis: slimPostgis, pg_trgm },
    });
    await pglite.exec(sessionSettingsSql);
    return pglite;
  } catch (error) {
    // A database that opened but could not be set up is closed, so nothing holds its files.
    await pglite?.close().catch(() => undefined);
    throw error;
  }
}

/** A `Database` over a started PGlite instance; its `close` disconnects Prisma, then calls `close`. */
export function pgliteDatabase(pglite: PGlite, close: () => Promise<void>): Database {
  const prepared = pglitePreparedStatements(pglite, preparedStatementName, isStalePreparedStatement);
  const wrap = (client: Pick<PGlite, 'query' | 'exec'>, inTransaction: boolean): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = [], options?: QueryOptions) {
      if (options?.prepare) return prepared.query<Row>(text, params, inTransaction);
      const result = await client.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await client.exec(script);
    },
    async copyFrom(table: string, columns: readonly string[], data: CopyData) {
      await client.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: await copyDataBlob(data) });
    },
  });
  const sql: TransactionalSql = {
    ...wrap(pglite, false),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx, true))),
  };
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(preparedForPrisma(pglite)) });
  const reader: Reader = { target: 'primary', prisma, sql };
  return {
    backend: 'pglite',
    sql,
    prisma,
    read: (work) => work(reader),
    readState: () => null,
    listen: (channel, handlers) => listenOnPglite(pglite, channel, handlers),
    // A plain tar: loading one skips gunzipping the whole data directory (about 0.5 s a load).
    dumpDataDir: () => pglite.dumpDataDir('none'),
    async close() {
      await prisma.$disconnect();
      await close();
    },
  };
}

async function openPostgres(databaseUrl: string, options: DatabaseOptions): Promise<Database> {
  const primary = postgresConnection(databaseUrl);
  const reader: Reader = { target: 'primary', prisma: primary.prisma, sql: primary.sql };
  let router: ReplicaRouter | undefined;
  let replica: PostgresConnection | undefined;
  if (options.readReplica) {
    // A replica that does not answer within seconds is treated as gone, not waited for.
    replica = postgresConnection(options.readReplica.url, { connectionTimeoutMillis: 3000 });
    router = new ReplicaRouter({
      primary: reader,
      replica: { target: 'replica', prisma: replica.prisma, sql: replica.sql },
      options: options.readReplica,
      onChange: options.onReadTargetChange,
    });
    await router.start();
  }
  return {
    backend: 'postgres',
    sql: primary.sql,
    prisma: primary.prisma,
    read: (work) => (router ? router.read(work) : work(reader)),
    readState: () => router?.current() ?? null,
    listen: (channel, handlers, reconnect) => listenOnPostgres(databaseUrl, channel, handlers, reconnect),
    async close() {
      router?.stop();
      await replica?.close();
      await primary.close();
    },
  };
}

interface PostgresConnection {
  sql: TransactionalSql;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/**
 * PGlite as Prisma's adapter uses it (`query`, `exec`, `transaction`), with every query a named
 * prepared statement (pglite-prepared.ts): PGlite's own `query` parses and plans each one afresh,
 * in five calls into the database. Prisma writes the same text for the same query, so most are
 * prepared once; a list of values spelt out in the text makes a statement per length, and the
 * least recently used beyond 1,000 are closed.
 */
function preparedForPrisma(pglite: PGlite): PGlite {
  const prepared = pglitePreparedStatements(
    pglite,
    (text) => `prisma_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`,
    isStalePreparedStatement,
  );
  const client = (inner: Pick<PGlite, 'exec'>, inTransaction: boolean) => ({
    query: <Row>(text: string, params: unknown[] = [], options?: PGliteQueryOptions) =>
      prepared.results<Row>(text, params, inTransaction, options),
    exec: (script: string, options?: PGliteQueryOptions) => inner.exec(script, options),
  });
  const adapted = {
    ...client(pglite, false),
    transaction: <T>(work: (tx: unknown) => Promise<T>) =>
      pglite.transaction((tx) =>
        work({
          ...client(tx, true),
          rollback: () => tx.rollback(),
          get closed() {
            return tx.closed;
          },
        }),
      ),
  };
  // The adapter calls nothing else of PGlite (pglite-prisma-adapter: query, exec, transaction).
  return adapted as unknown as PGlite;
}

const statementNames = new Map<string, string>();
let renamed = 0;

/** A prepared statement's name, the same for the same text on every connection (pg keeps one per name). */
function preparedStatementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `lantern_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Whether a prepared statement failed because the session no longer has it as it was: SQLSTATE
 * 26000 (DISCARD ALL or DEALLOCATE, as a pooler's reset runs), or "cached plan must not change
 * result type" (the schema changed the columns it returns; 0A000, a class shared with other
 * errors). Outside a transaction it is prepared again and run once more.
 */
function isStalePreparedStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '26000' || (code === '0A000' && String(message).includes('cached plan must not change result type'));
}

/**
 * Gives the statement a new name: pg remembers which names each connection has parsed and would
 * bind the lost one again, while a new name is parsed afresh on every connection that runs it.
 */
function renamePreparedStatement(text: string): void {
  renamed += 1;
  statementNames.set(text, `${preparedStatementName(text).slice(0, 33)}_${renamed}`);
}

function postgresConnection(databaseUrl: string, settings: pg.PoolConfig = {}): PostgresConnection {
  // Connections per process: LANTERN_DB_POOL_MAX (default 10); audited requests no longer queue
  // on one lock, so a busy server can use more.
  const max = Number(process.env.LANTERN_DB_POOL_MAX ?? 10);
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(
      `LANTERN_DB_POOL_MAX must be a whole number of connections, 1 or more (value "${process.env.LANTERN_DB_POOL_MAX}")`,
    );
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    // Awaited before the pool hands the new connection out; a failure ends it and fails the caller.
    onConnect: (client) => client.query(sessionSettingsSql),
    ...settings,
  });
  // An idle connection the server closes (restart, failover, a dropped database, a stopped
  // replica) must not crash the process: the pool replaces it on the next query.
  pool.on('error', (error) => process.emitWarning(`idle PostgreSQL connection closed: ${error.message}`));
  // Each open connection's end, for close() to wait on; a connection leaves the set when it ends.
  const ends = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    const ended = new Promise<void>((resolve) =>
      client.once('end', () => {
        ends.delete(ended);
        resolve();
      }),
    );
    ends.add(ended);
  });
  const wrap = (client: pg.Pool | pg.PoolClient): Sql => ({
    async query<Row>(text: string, params: readonly unknown[] = [], options?: QueryOptions) {
      const values = params as unknown[];
      if (!options?.prepare) return (await client.query(text, values)).rows as Row[];
      try {
        return (await client.query({ name: preparedStatementName(text), text, values })).rows as Row[];
      } catch (error) {
        // In a transaction the error has aborted it: the caller's transaction fails, as it would.
        if (!(client instanceof pg.Pool) || !isStalePreparedStatement(error)) throw error;
        renamePreparedStatement(text);
        return (await client.query({ name: preparedStatementName(text), text, values })).rows as Row[];
      }
    },
    async exec(script: string) {
      await client.query(script);
    },
    async copyFrom(table: string, columns: readonly string[], data: CopyData) {
      // COPY runs on one connection: a pooled handle takes one for the statement's length.
      const connection = client instanceof pg.Pool ? await client.connect() : client;
      try {
        const input = connection.query(copyFromStdin(copyStatement(table, columns, 'STDIN')));
        await pipeline(typeof data === 'string' ? Readable.from([data]) : Readable.from(data), input);
      } finally {
        if (connection !== client) (connection as pg.PoolClient).release();
      }
    },
  });
  const sql: TransactionalSql = {
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    sql,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      // pg-pool's end() resolves once it has asked each connection to end, not once they have: a
      // database dropped or a server stopped just after would still find them open.
      await Promise.all(ends);
    },
  };
}
