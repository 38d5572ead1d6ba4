import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the single sign-on tests, with
 * synthetic accounts whose claims the tests choose, and a minimal "browser": fetch with manual
 * redirects and a cookie jar per origin.
 *
 * The provider releases the custom `roles` and `districts` claims with the `profile` scope; with
 * oidc-provider's defaults (conformIdTokenClaims) scope claims come from the userinfo endpoint,
 * not the ID token, which is the path Lantern takes when the ID token has no role claim.
 */
export interface TestAccount {
  email: string;
  name: string;
  roles: string[];
  districts: string[];
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers or replaces an account; returns its subject. */
  setAccount(subject: string, account: TestAccount): void;
  close(): Promise<void>;
}

/** A port nobody is listening on now (the test server must know its callback URL before it listens). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

/** Binds the provider's port first, so the issuer URL is known before the provider is configured. */
export async function listenForProvider(): Promise<{ issuer: string; start(redirectUri: string): TestProvider }> {
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  return {
    issuer,
    start(redirectUri) {
      const clientId = `lantern-${randomUUID()}`;
      const clientSecret = randomBytes(32).toString('base64url');
      const accounts = new Map<string, TestAccount>();
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        pkce: { required: () => true },
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name', 'roles', 'districts'],
        },
        features: { devInteractions: { enabled: false } },
        jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: [randomBytes(32).toString('base64url')] },
        ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
        async findAccount(_context: unknown, subject: string) {
          const account = accounts.get(subject);
          if (!account) return undefined;
          return {
            accountId: subject,
            claims: () => ({
              sub: subject,
              email: account.email,
              email_verified: account.emailVerified ?? true,
              name: account.name,
              roles: account.roles,
              districts: account.districts,
            }),
          };
        },
      });
      const providerHandler = provider.callback();
      handle = (request, response) => {
        const interaction = /^\/interaction\/([^/?]+)(\/login|\/abort)?$/.exec(request.url ?? '');
        if (!interaction) return providerHandler(request, response);
        void interact(provider, clientId, request, response, interaction[2]).catch((error: unknown) => {
          response.statusCode = 500;
          response.end(String(error));
        });
      };
      return {
        issuer,
        clientId,
        clientSecret,
        setAccount: (subject, account) => accounts.set(subject, account),
        close: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      };
    },
  };
}

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The provider's sign-in page, reduced to what a test needs: GET shows which prompt is due,
 * POST …/login signs in as the posted account and consents to the requested scopes in one go,
 * POST …/abort is the user cancelling.
 */
async function interact(
  provider: Provider,
  clientId: string,
  request: IncomingMessage,
  response: ServerResponse,
  action: string | undefined,
) {
  const details = await provider.interactionDetails(request, response);
  if (request.method === 'GET' && action === undefined) {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
    return;
  }
  if (request.method === 'POST' && action === '/abort') {
    await provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'the user cancelled sign-in' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (request.method === 'POST' && action === '/login') {
    const accountId = (await formBody(request)).get('account') ?? '';
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  response.statusCode = 405;
  response.end();
}

export interface Hop {
  url: URL;
  status: number;
  location: URL | null;
  setCookies: string[];
}

/** Enough of a browser for redirect-driven sign-in: cookies per origin, redirects followed by hand. */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const key = new URL(origin).origin;
    const cookies = this.jar.get(key) ?? new Map<string, string>();
    cookies.set(name, value);
    this.jar.set(key, cookies);
  }

  /** One request, sending and storing cookies; never follows a redirect. */
  async request(
    url: URL | string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<{ hop: Hop; response: Response }> {
    const target = new URL(url);
    const cookies = this.jar.get(target.origin) ?? new Map<string, string>();
    const headers: Record<string, string> = { ...init.headers };
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) this.store(target.origin, header);
    const location = response.headers.get('location');
    return {
      hop: { url: target, status: response.status, location: location ? new URL(location, target) : null, setCookies },
      response,
    };
  }

  /**
   * Requests `url` (POSTing `form` if given) and follows redirects until a response that is not
   * one, or until the next hop is one `stopBefore` picks, which is then not requested.
   */
  async navigate(
    url: URL | string,
    options: { form?: Record<string, string>; stopBefore?: (next: URL) => boolean } = {},
  ): Promise<{ hops: Hop[]; stoppedAt: URL | null }> {
    const hops: Hop[] = [];
    let next: URL | null = new URL(url);
    let form = options.form;
    while (next) {
      const { hop, response } = await this.request(next, form ? { form } : {});
      await response.arrayBuffer();
      hops.push(hop);
      form = undefined;
      next = hop.status >= 300 && hop.status < 400 ? hop.location : null;
      if (next && options.stopBefore?.(next)) return { hops, stoppedAt: next };
      if (hops.length > 20) throw new Error(`too many redirects from ${String(url)}`);
    }
    return { hops, stoppedAt: null };
  }

  private store(origin: string, header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const split = pair.indexOf('=');
    if (split <= 0) return;
    const name = pair.slice(0, split);
    const value = pair.slice(split + 1);
    const expired = attributes.some((attribute) => {
      const [key = '', attributeValue = ''] = attribute.split('=');
      if (key.toLowerCase() === 'max-age') return Number(attributeValue) <= 0;
      if (key.toLowerCase() === 'expires') return new Date(attributeValue).getTime() <= Date.now();
      return false;
    });
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
    this.jar.set(origin, cookies);
  }
}
