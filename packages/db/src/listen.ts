import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a listener on a notification channel is told (`Database.listen`). */
export interface ChannelHandlers {
  /** Listening: every notification committed from now on arrives. */
  ready(): void;
  notified(payload: string): void;
  /** Not listening (the connection failed or closed): notifications are missed until `ready` again. */
  lost(error?: Error): void;
}

export interface Listening {
  close(): Promise<void>;
}

export interface ReconnectOptions {
  /** Wait before the first reconnection (ms); it doubles after each failure. */
  retryMs?: number;
  maxRetryMs?: number;
}

/**
 * LISTEN on its own PostgreSQL connection (a pooled one may be handed to other work, and would
 * take the notifications with it). A lost connection is reported and replaced, waiting longer
 * after each failure. Resolves once the first attempt has succeeded or failed.
 */
export async function listenOnPostgres(
  databaseUrl: string,
  channel: string,
  handlers: ChannelHandlers,
  { retryMs = 1000, maxRetryMs = 30_000 }: ReconnectOptions = {},
): Promise<Listening> {
  let current: pg.Client | undefined;
  let closed = false;
  let delay = retryMs;
  let timer: NodeJS.Timeout | undefined;

  const lose = (client: pg.Client, error?: Error) => {
    if (client !== current) return;
    current = undefined;
    client.end().catch(() => undefined);
    handlers.lost(error);
    if (closed) return;
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
    delay = Math.min(delay * 2, maxRetryMs);
  };

  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'lantern-listen' });
    current = client;
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.notified(message.payload ?? '');
    });
    client.on('error', (error) => lose(client, error));
    client.on('end', () => lose(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      lose(client, error as Error);
      return;
    }
    if (client !== current) return;
    delay = retryMs;
    handlers.ready();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

/** LISTEN on the embedded database: one process holds it, so the listener never loses it. */
export async function listenOnPglite(pglite: PGlite, channel: string, handlers: ChannelHandlers): Promise<Listening> {
  const unlisten = await pglite.listen(channel, (payload) => handlers.notified(payload));
  handlers.ready();
  return { close: () => unlisten() };
}
