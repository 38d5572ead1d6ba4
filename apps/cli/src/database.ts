import { type Database, migrateAndLoad, openDatabase } from '@lantern/db';
import type { CliEnv } from './env.ts';

/** Opens the configured backend: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function openConfiguredDatabase(env: CliEnv): Promise<Database> {
  return openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.LANTERN_DATA_DIR });
}

export async function withDatabase<T>(env: CliEnv, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openConfiguredDatabase(env);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Every command that reads or writes domain data first brings the schema up to date. */
export async function withMigratedDatabase<T>(env: CliEnv, work: (db: Database) => Promise<T>): Promise<T> {
  return withDatabase(env, async (db) => {
    await migrateAndLoad(db);
    return work(db);
  });
}
