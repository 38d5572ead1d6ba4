import type { Database } from '@lantern/db';
import type { Io } from '../io.ts';
import { loadApp } from '../lazy-app.ts';

export interface ServeOptions {
  host: string;
  port: number;
}

/** Listens until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serve(db: Database, options: ServeOptions, io: Io): Promise<void> {
  // The API loads the application layer; loaded through loadApp, the CLI closes what it starts.
  const [{ createServer, readApiEnv }] = await Promise.all([import('@lantern/api'), loadApp()]);
  const env = readApiEnv();
  // Logs go to stdout (readable on a terminal, JSON lines otherwise), so a 500 leaves a trace.
  const app = await createServer({ db, env, log: { level: env.LANTERN_LOG_LEVEL } });
  const address = await app.listen({ host: options.host, port: options.port });
  io.out(`Lantern is listening on ${address} (database: ${db.backend})`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
}
