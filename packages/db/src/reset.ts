import type { Sql } from './sql.ts';

/** Drops every Lantern object (the whole public schema, PostGIS included); migrate rebuilds it. */
export async function dropEverything(sql: Sql): Promise<void> {
  await sql.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
}
