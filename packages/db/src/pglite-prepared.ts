import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

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
  /**
   * The same, answered as PGlite's own `query` answers (rows, fields, affected rows), in its row
   * mode and with its parsers: for a client that expects PGlite, such as Prisma's adapter.
   */
  results<Row>(
    text: string,
    params: readonly unknown[],
    inTransaction: boolean,
    options?: Pick<QueryOptions, 'rowMode' | 'parsers'>,
  ): Promise<Results<Row>>;
}

/** A statement prepared in the session: its name and the types of its parameters. */
interface Statement {
  name: string;
  types: number[];
}

export function pglitePreparedStatements(
  pglite: PGlite,
  statementName: (text: string) => string,
  isStale: (error: unknown) => boolean,
  /** Most statements kept prepared; the least recently used beyond it are closed. */
  limit = 1000,
): PglitePreparedStatements {
  /** Each prepared statement's name and parameter types, by its text, least recently used first. */
  const prepared = new Map<string, Statement>();

  /** Several protocol messages sent as one. */
  const message = (...parts: Uint8Array[]) => Buffer.concat(parts);

  const prepare = async (text: string): Promise<Statement> => {
    const name = statementName(text);
    // At the limit, the least recently used statements are closed in the same message.
    const closing: Uint8Array[] = [];
    for (const [oldest, statement] of prepared) {
      if (prepared.size < limit) break;
      prepared.delete(oldest);
      closing.push(protocol.serialize.close({ type: 'S', name: statement.name }));
    }
    // Closing a statement the session does not have is no error; one it has (this handle is new,
    // the session is not) is replaced.
    const { messages } = await pglite.execProtocol(
      message(
        ...closing,
        protocol.serialize.close({ type: 'S', name }),
        protocol.serialize.parse({ name, text }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ),
      { syncToFs: false },
    );
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    prepared.set(text, statement);
    return statement;
  };

  /** The statement prepared for `text`, marked as the most recently used. */
  const preparedFor = (text: string): Statement | undefined => {
    const statement = prepared.get(text);
    if (statement !== undefined) {
      prepared.delete(text);
      prepared.set(text, statement);
    }
    return statement;
  };

  const run = async <Row>(
    text: string,
    params: readonly unknown[],
    inTransaction: boolean,
    options: Pick<QueryOptions, 'rowMode' | 'parsers'> | undefined,
  ): Promise<Results<Row>> => {
    const { name, types } = preparedFor(text) ?? (await prepare(text));
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
    const [results] = parse.parseResults(messages, pglite.parsers, options);
    return (results ?? { rows: [], fields: [] }) as Results<Row>;
  };

  const results = <Row>(
    text: string,
    params: readonly unknown[],
    inTransaction: boolean,
    options?: Pick<QueryOptions, 'rowMode' | 'parsers'>,
  ): Promise<Results<Row>> => {
    const exclusive = async () => {
      try {
        return await run<Row>(text, params, inTransaction, options);
      } catch (error) {
        // Inside a transaction the error has aborted it: the caller's transaction fails, as it would.
        if (inTransaction || !isStale(error)) throw error;
        // Prepared again, once: the session lost the statement, or the schema changed under it.
        prepared.delete(text);
        return run<Row>(text, params, inTransaction, options);
      }
    };
    // As PGlite's own `query`: nothing else runs on the database meanwhile, and outside a
    // transaction the statement waits for any transaction in progress to finish.
    return inTransaction
      ? pglite._runExclusiveQuery(exclusive)
      : pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(exclusive));
  };

  return {
    results,
    async query<Row>(text: string, params: readonly unknown[], inTransaction: boolean) {
      return (await results<Row>(text, params, inTransaction)).rows;
    },
  };
}
