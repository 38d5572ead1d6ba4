import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApiClient, TRPCProvider } from '../api/trpc.ts';
import { createQueryClient } from '../app.tsx';

/**
 * A stand-in for the Lantern server in component tests: answers tRPC batch requests the way
 * the real server does (`[{"result":{"data":…}}]` or `[{"error":{…}}]`), and single ones (a
 * cancellable call goes on its own) as one such object, and records each request. An answer may
 * be a promise (slow work); a request whose signal is aborted fails as fetch does.
 */
export type FakeAnswer =
  | { data: unknown }
  | { error: { message: string; code: string; httpStatus: number; conflict?: unknown } };

const jsonRpcCodes: Record<string, number> = { UNAUTHORIZED: -32001, BAD_REQUEST: -32600, FORBIDDEN: -32003 };

export interface RecordedRequest {
  path: string;
  input: unknown;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

export function fakeApi(answers: Record<string, (input: unknown) => FakeAnswer | Promise<FakeAnswer>>) {
  const requests: RecordedRequest[] = [];
  const fetch = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { pathname, searchParams } = new URL(String(url), 'http://lantern.test');
    const paths = pathname.replace(/^\/trpc\//, '').split(',');
    const batched = searchParams.get('batch') === '1';
    const raw: unknown = init?.body ? JSON.parse(String(init.body)) : JSON.parse(searchParams.get('input') ?? '{}');
    let status = 200;
    const answered = paths.map(async (path, index) => {
      const input = batched ? (raw as Record<string, unknown>)[String(index)] : raw;
      requests.push({ path, input, headers: new Headers(init?.headers), credentials: init?.credentials });
      const answer = (await answers[path]?.(input)) ?? {
        error: { message: `No procedure ${path}`, code: 'NOT_FOUND', httpStatus: 404 },
      };
      if ('data' in answer) return { result: { data: answer.data } };
      status = answer.error.httpStatus;
      const { message, code, httpStatus, conflict } = answer.error;
      const data = { code, httpStatus, path, ...(conflict === undefined ? {} : { conflict }) };
      return { error: { message, code: jsonRpcCodes[code] ?? -32603, data } };
    });
    const signal = init?.signal;
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(new DOMException('The request was aborted', 'AbortError'));
      if (signal?.aborted) fail();
      signal?.addEventListener('abort', fail);
    });
    const body = await Promise.race([Promise.all(answered), aborted]);
    return new Response(JSON.stringify(batched ? body : body[0]), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export function renderWithApi(ui: ReactNode, api: ReturnType<typeof fakeApi>) {
  const queryClient = createQueryClient();
  const apiClient = createApiClient({ fetch: api.fetch });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        {ui}
      </TRPCProvider>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
