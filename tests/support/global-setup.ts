import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateAndLoad, openDatabase } from '@lantern/db';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Builds one migrated template database per test run and backend. PGlite: a data directory
 * dumped after migrating (each test file loads it in ~2 s instead of ~10 s of CREATE EXTENSION).
 * PostgreSQL: a template database that each test file clones with CREATE DATABASE … TEMPLATE.
 * Seeded templates built from it during the run (tests/support/seeded-database.ts) go with it.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    lanternTemplate: string;
    /** Where workers share the seeded templates they build (tests/support/seeded-database.ts). */
    lanternSeedDir: string;
  }
}

export default async function setup(project: TestProject) {
  const backend = project.config.env.LANTERN_TEST_BACKEND;
  if (backend === 'postgres') return setupPostgres(project);
  const dir = mkdtempSync(join(tmpdir(), 'lantern-template-'));
  const db = await openDatabase({ inMemory: true });
  await migrateAndLoad(db);
  const dump = await db.dumpDataDir?.();
  await db.close();
  if (!dump) throw new Error('the PGlite backend cannot dump its data directory');
  const path = join(dir, 'template.tar');
  writeFileSync(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide('lanternTemplate', path);
  project.provide('lanternSeedDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres integration project');
  const template = `lantern_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const db = await openDatabase({ databaseUrl: withDatabase(adminUrl, template) });
  await migrateAndLoad(db);
  await db.close();
  project.provide('lanternTemplate', template);
  const seedDir = mkdtempSync(join(tmpdir(), 'lantern-seeded-'));
  project.provide('lanternSeedDir', seedDir);
  return async () => {
    rmSync(seedDir, { recursive: true, force: true });
    // Seeded templates (tests/support/seeded-database.ts) are named `<template>_…`.
    const seeded = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [`${template}_`],
    );
    for (const { datname } of seeded.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
