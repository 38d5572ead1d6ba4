import { type PGlite, parse, protocol } from '@electric-sql/pglite';

/**
 * Named prepared statements on PGlite, which its `query` does not offer: it parses and plans every
 * statement afresh, and on the request path (the session check, a name search with its audit
 * event) planning cost as much as running. A statement is parsed once per database, under a name
 * derived from its text; each later call binds, executes and syncs in one protocol message, where
 * `query` makes five calls into the database. Values are serialised with PGlite's own serialisers
 * for the parameter types the database described, as `query` does, and rows parsed with its
 * parsers.
 */
export interface PglitePreparedStatements {
  /** Runs `text` prepared; `inTransaction` when the caller already holds PGlite's transaction. */
  query<Row>(text: string, params: readonly unknown[], inTransaction: boolean): Promise<Row[]>;
}

export function pglitePreparedStatements(
  pglite: PGlite,
  statementName: (text: string) => string,
  isStale: (error: unknown) => boolean,
): PglitePreparedStatements {
  /** Each prepared statement's parameter types, by its text. */
  const prepared = new Map<string, number[]>();

  /** Several protocol messages sent as one. */
  const message = (...parts: Uint8Array[]) => Buffer.concat(parts);

  const prepare = async (text: string, name: string): Promise<number[]> => {
    // Closing a statement the session does not have is no error; one it has (this handle is new,
    // the session is not) is replaced.
    const { messages } = await pglite.execProtocol(
      message(
        protocol.serialize.close({ type: 'S', name }),
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ),
      { syncToFs: false },
    );
    const types = parse.parseDescribeStatementResults(messages);
    prepared.set(text, types);
    return types;
  };

  const run = async <Row>(text: string, params: readonly unknown[], inTransaction: boolean): Promise<Row[]> => {
    const name = statementName(text);
    const types = prepared.get(text) ?? (await prepare(text, name));
    const values = params.map((value, index) => {
      if (value === null || value === undefined) return null;
      const serialize = pglite.serializers[types[index] ?? 0];
      return serialize ? serialize(value) : String(value);
    });
    const { messages } = await pglite.execProtocol(
      message(
        protocol.serialize.bind({ statement: name, values }),
        protocol.serialize.describe({ type: 'P' }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ),
      { syncToFs: !inTransaction },
    );
    return (parse.parseResults(messages, pglite.parsers)[0]?.rows ?? []) as Row[];
  };

  return {
    async query<Row>(text: string, params: readonly unknown[], inTransaction: boolean) {
      const exclusive = async () => {
        try {
          return await run<Row>(text, params, inTransaction);
        } catch (error) {
          // Inside a transaction the error has aborted it: the caller's transaction fails, as it would.
          if (inTransaction || !isStale(error)) throw error;
          // Prepared again, once: the session lost the statement, or the schema changed under it.
          prepared.delete(text);
          return run<Row>(text, params, inTransaction);
        }
      };
      // As PGlite's own `query`: nothing else runs on the database meanwhile, and outside a
      // transaction the statement waits for any transaction in progress to finish.
      return inTransaction
        ? pglite._runExclusiveQuery(exclusive)
        : pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(exclusive));
    },
  };
}
