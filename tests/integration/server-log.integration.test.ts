import { createServer, readApiEnv } from '@lantern/api';
import type { Database } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/api.ts';
import { createUser } from '../support/factories.ts';
import { createTestDatabase } from '../support/test-database.ts';

/**
 * The server's log. Regression: `serve` built the server with `logger: false`, so a 500 left no
 * trace anywhere. Now every request is logged with its id and a 5xx with its stack, and no line
 * holds a password, a session token, a cookie or the input of a call (a searched name).
 */
interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  err?: { stack?: string; message?: string };
  req?: { method: string; path: string };
  res?: { statusCode: number };
}

function memoryLog() {
  const raw: string[] = [];
  return {
    raw,
    destination: { write: (line: string) => void raw.push(line) },
    lines: (): LogLine[] => raw.map((line) => JSON.parse(line) as LogLine),
  };
}

let db: Database;
let app: FastifyInstance;
const log = memoryLog();
const searchedName = 'Zebedee Quartermain-Oyelaran';

beforeAll(async () => {
  db = await createTestDatabase();
  app = await createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }), log: { destination: log.destination } });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('the server log', () => {
  it('logs each request with an id, its path and status, and no secrets or inputs', async () => {
    const user = await createUser(db, { roles: ['police_analyst'] });
    const client = new HttpClient(app);
    const login = await client.mutation('auth.login', { email: user.email, password: user.password });
    expect(login.status).toBe(200);
    const token = client.cookie?.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);
    const search = await client.query('people.search', { name: searchedName });
    expect(search.status).toBe(200);

    const completed = log.lines().filter((line) => line.msg === 'request completed');
    expect(completed.map((line) => [line.req?.path ?? null, line.res?.statusCode])).toEqual(
      expect.arrayContaining([[null, 200]]),
    );
    const incoming = log.lines().filter((line) => line.msg === 'incoming request');
    expect(incoming.map((line) => line.req?.path)).toEqual(
      expect.arrayContaining(['/trpc/auth.login', '/trpc/people.search']),
    );
    for (const line of log.lines()) expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const everything = log.raw.join('');
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain('Quartermain');
    expect(everything).not.toContain(encodeURIComponent(searchedName));
  });
});

describe('a 500', () => {
  it('is logged at error level with its stack and the request id the response came from', async () => {
    const broken = await createTestDatabase();
    const brokenLog = memoryLog();
    const server = await createServer({
      db: broken,
      env: readApiEnv({ NODE_ENV: 'test' }),
      log: { destination: brokenLog.destination },
    });
    try {
      const user = await createUser(broken, { roles: ['police_analyst'] });
      const client = new HttpClient(server);
      await client.mutation('auth.login', { email: user.email, password: user.password });
      await broken.close();

      const response = await client.query('auth.me');

      expect(response.status).toBe(500);
      expect(response.body.error?.message).toBe('Something went wrong on the server');
      // The audit sealer's timer may also log its failure against the closed database; that line
      // belongs to no request, so the request's own error line is the one with a request id.
      const errors = brokenLog.lines().filter((line) => line.level >= 50 && line.reqId !== undefined);
      expect(errors).toHaveLength(1);
      expect(errors[0]?.err?.stack).toMatch(/\n\s+at /);
      const failing = brokenLog
        .lines()
        .find((line) => line.msg === 'request completed' && line.res?.statusCode === 500);
      expect(failing?.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(failing?.reqId).toBe(errors[0]?.reqId);
    } finally {
      await server.close();
    }
  });
});
