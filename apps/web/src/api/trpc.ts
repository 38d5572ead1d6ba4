import type { AppRouter } from '@lantern/api';
import { maxCallsPerBatch } from '@lantern/domain';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * The typed API client. `AppRouter` is a type-only import: nothing of the server (and never the
 * database package) reaches the browser bundle.
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The server refuses /trpc requests without it (apps/api/src/server.ts): a cross-site form cannot add it. */
export const csrfHeader = 'x-lantern-csrf';

export interface ApiClientOptions {
  /** Where the API is; the app is served from the API's origin, so the default is relative. */
  url?: string;
  /** For tests: a fetch that answers without a server. */
  fetch?: typeof fetch;
}

export function createApiClient({ url = '/trpc', fetch: fetcher = globalThis.fetch }: ApiClientOptions = {}) {
  const options = {
    url,
    headers: { [csrfHeader]: '1' },
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetcher(input, { ...init, credentials: 'same-origin' }),
  };
  return createTRPCClient<AppRouter>({
    links: [
      // A call that can be cancelled (long work: it carries a signal) goes on its own, so its Cancel
      // ends that request alone; a batch is only aborted once every call in it is.
      splitLink({
        condition: (op) => Boolean(op.signal),
        true: httpLink(options),
        false: httpBatchLink({ ...options, maxItems: maxCallsPerBatch }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
