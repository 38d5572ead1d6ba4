import {
  apiConfig,
  appRouter,
  createCallerFactory,
  createContextInner,
  createServer,
  csrfHeader,
  readApiEnv,
} from '@lantern/api';
import type { Database, Principal } from '@lantern/db';
import type { FastifyInstance } from 'fastify';
import { createUser, type UserOptions } from './factories.ts';

/** Calls procedures in-process as a given principal (or signed out). */
export function callerFor(db: Database, principal: Principal | null) {
  const config = apiConfig(readApiEnv({ NODE_ENV: 'test' }));
  return createCallerFactory(appRouter)(createContextInner({ db, config, principal }));
}

export async function testServer(db: Database): Promise<FastifyInstance> {
  return createServer({ db, env: readApiEnv({ NODE_ENV: 'test' }) });
}

export interface HttpResult {
  status: number;
  body: { result?: { data: unknown }; error?: { message: string; data?: { code: string; httpStatus: number } } };
  setCookie: string | undefined;
}

/** A minimal tRPC-over-HTTP client on Fastify's inject, keeping the session cookie like a browser. */
export class HttpClient {
  cookie: string | undefined;
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = { [csrfHeader]: '1' },
  ) {}

  private async send(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<HttpResult> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    const setCookie = response.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0]?.endsWith('=') ? undefined : first.split(';')[0];
    return { status: response.statusCode, body: response.json(), setCookie: first };
  }

  query(path: string, input?: unknown) {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send('GET', `/trpc/${path}${query}`);
  }

  mutation(path: string, input?: unknown) {
    return this.send('POST', `/trpc/${path}`, input ?? {});
  }
}

/** A new user with these roles, signed in over HTTP: the client keeps the session cookie. */
export async function signedInClient(app: FastifyInstance, db: Database, options: UserOptions): Promise<HttpClient> {
  const user = await createUser(db, options);
  const client = new HttpClient(app);
  await client.mutation('auth.login', { email: user.email, password: user.password });
  return client;
}
