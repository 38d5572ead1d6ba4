import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { errorMessage, isSignedOutError, mayPass } from './api/errors.ts';
import { type ApiClient, TRPCProvider } from './api/trpc.ts';
import { AppHeader } from './auth/app-header.tsx';
import { forgetSession, useCurrentUser } from './auth/current-user.ts';
import { SignInPage } from './auth/sign-in-page.tsx';
import { AppPages } from './routing/app-pages.tsx';
import { ErrorState, Loading } from './ui/status.tsx';

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    // A session that ends (idle timeout, signed out elsewhere) sends every open page back to sign-in.
    queryCache: new QueryCache({
      onError: (error) => {
        if (isSignedOutError(error)) forgetSession(queryClient);
      },
    }),
    // Retry once what may pass (the network, a server fault); a refusal (4xx) would only repeat.
    defaultOptions: {
      queries: { retry: (failures, error) => failures < 1 && mayPass(error), refetchOnWindowFocus: false },
    },
  });
  return queryClient;
}

export function App({ apiClient, queryClient }: { apiClient: ApiClient; queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <Shell />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function Shell() {
  const currentUser = useCurrentUser();
  if (currentUser.isPending) {
    return (
      <main className="page-status">
        <title>Lantern</title>
        <Loading>Checking your session…</Loading>
      </main>
    );
  }
  if (currentUser.isError) {
    return (
      <main className="page-status">
        <title>Lantern</title>
        <ErrorState message={errorMessage(currentUser.error)} onRetry={() => void currentUser.refetch()} />
      </main>
    );
  }
  if (currentUser.data === null) {
    return (
      <>
        <title>Sign in – Lantern</title>
        <SignInPage />
      </>
    );
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader user={currentUser.data} />
      <AppPages user={currentUser.data} />
    </div>
  );
}
