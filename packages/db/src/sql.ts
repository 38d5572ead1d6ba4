/**
 * A minimal SQL surface over both backends, for what Prisma cannot do: multi-statement
 * migrations, PostGIS reads and writes, and bulk loads with `unnest` arrays. Parameters are
 * always bound ($1, $2 …); text is never spliced into SQL.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(script: string): Promise<void>;
  /**
   * Bulk load with COPY: `data` is rows in COPY's text format (see copy-text.ts), streamed to
   * `COPY table (columns) FROM STDIN` on PostgreSQL and handed to PGlite as its /dev/blob device.
   * Table and column names come from code, never from input. Both backends' handles have it.
   */
  copyFrom(table: string, columns: readonly string[], data: CopyData): Promise<void>;
}

export interface QueryOptions {
  /**
   * Keep the statement parsed and planned on each connection that runs it (a named prepared
   * statement; on PGlite through its protocol, pglite-prepared.ts): for fixed statements on every
   * request's path, whose planning would otherwise cost more than their execution.
   */
  prepare?: boolean;
}

/** Rows already in COPY's text format, whole or in chunks. */
export type CopyData = string | Iterable<string> | AsyncIterable<string>;

export interface TransactionalSql extends Sql {
  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}
