import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedPath } from './paths.ts';
import type { Sql, TransactionalSql } from './sql.ts';

/**
 * Lantern's migration runner. Prisma's schema engine is a download this product cannot rely on,
 * so migrations (Prisma's folder layout, prisma/migrations/<timestamp>_<name>/migration.sql) are
 * applied here, on both backends, and recorded in `_prisma_migrations` exactly as Prisma records
 * them, so `prisma migrate deploy/status` agree wherever that engine exists.
 */
export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  total: number;
}

/** Prisma's own lock key for migrations, so our runner and Prisma's never run at once. */
const prismaAdvisoryLockKey = 72707369;

const migrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function readMigrations(dir = shippedPath('prisma/migrations')): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const script = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export async function appliedMigrations(sql: Sql): Promise<AppliedRow[]> {
  const [exists] = await sql.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!exists?.present) return [];
  return sql.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
}

/**
 * Applies every pending migration, each in its own transaction with its bookkeeping row, so a
 * failing migration leaves nothing behind. Idempotent: a second run applies nothing. A migration
 * whose file changed after it was applied is an error, as with `prisma migrate deploy`.
 */
export async function migrate(sql: TransactionalSql, migrations = readMigrations()): Promise<MigrationReport> {
  await sql.exec(migrationsTable);
  return sql.transaction(async (lock) => {
    await lock.query('SELECT pg_advisory_xact_lock($1)', [prismaAdvisoryLockKey]);
    const applied = new Map(
      (await appliedMigrations(lock))
        .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
        .map((row) => [row.migration_name, row.checksum]),
    );
    const report: MigrationReport = { applied: [], alreadyApplied: 0, total: migrations.length };
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was modified after it was applied (checksum ${checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk); add a new migration instead`,
          );
        }
        report.alreadyApplied += 1;
        continue;
      }
      await lock.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [randomUUID(), migration.checksum, migration.name],
      );
      try {
        await lock.exec(migration.script);
      } catch (error) {
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await lock.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE migration_name = $1 AND finished_at IS NULL`,
        [migration.name],
      );
      report.applied.push(migration.name);
    }
    return report;
  });
}
