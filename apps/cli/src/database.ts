import { type Database, migrateAndLoad, openDatabase } from '@lantern/db';
import type { CliEnv } from './env.ts';

/**
 * How a command gets its database: the configured backend (PostgreSQL when DATABASE_URL is set,
 * else embedded PGlite), or one handed in by a test. A handed-in database is not closed.
 */
export type DatabaseProvider = <T>(work: (db: Database) => Promise<T>) => Promise<T>;

export function configuredDatabase(env: CliEnv): DatabaseProvider {
  return async (work) => {
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LANTERN_DATA_DIR });
    try {
      return await work(db);
    } finally {
      await db.close();
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
