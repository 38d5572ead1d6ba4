import { type Database, maintainTables, migrateAndLoad, openDatabase } from '@lantern/db';
import type { CliEnv } from './env.ts';
import type { Io } from './io.ts';

/**
 * How a command gets its database: the configured backend (PostgreSQL when DATABASE_URL is set,
 * else embedded PGlite), or one handed in by a test. A handed-in database is not closed.
 */
export type DatabaseProvider = <T>(work: (db: Database) => Promise<T>) => Promise<T>;

export function configuredDatabase(env: CliEnv, io: Io): DatabaseProvider {
  const readReplica = env.LANTERN_READ_REPLICA_URL
    ? {
        url: env.LANTERN_READ_REPLICA_URL,
        maxLagSeconds: env.LANTERN_READ_REPLICA_MAX_LAG_SECONDS,
        checkIntervalMs: env.LANTERN_READ_REPLICA_CHECK_MS,
      }
    : undefined;
  return async (work) => {
    const db = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.LANTERN_DATA_DIR,
      readReplica,
      onReadTargetChange: (state) => io.err(`lantern: heavy reads now go to the ${state.target}: ${state.reason}`),
    });
    let failed = true;
    try {
      const result = await work(db);
      failed = false;
      return result;
    } finally {
      try {
        // The embedded database has no autovacuum: what this command changed gets its planner
        // statistics now, before PGlite forgets which tables changed (table-maintenance.ts). A
        // command that failed part-way may have committed some of its work (the files of an
        // import before the one refused), so it runs then too, without hiding the failure.
        if (db.backend === 'pglite') {
          await maintainTables(db.sql).catch((error: unknown) => {
            if (!failed) throw error;
            io.err(`lantern: maintaining the embedded database failed: ${(error as Error).message}`);
          });
        }
      } finally {
        await db.close();
      }
    }
  };
}

export function givenDatabase(db: Database): DatabaseProvider {
  return (work) => work(db);
}

/** Every command that reads or writes domain data first brings the schema up to date. */
export function withMigrated<T>(withDatabase: DatabaseProvider, work: (db: Database) => Promise<T>): Promise<T> {
  return withDatabase(async (db) => {
    await migrateAndLoad(db);
    return work(db);
  });
}
