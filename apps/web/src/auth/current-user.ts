import type { CurrentUser } from '@lantern/domain';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPCClient } from '../api/trpc.ts';

/**
 * Who is signed in: the user, or null when nobody is. The app shows the sign-in page for null;
 * any other failure is an error state with the API's message.
 */
export const currentUserKey = ['lantern', 'current-user'] as const;

export function useCurrentUser() {
  const client = useTRPCClient();
  return useQuery<CurrentUser | null>({
    queryKey: currentUserKey,
    // auth.session answers a visitor who has not signed in with null rather than a 401.
    queryFn: async () => (await client.auth.session.query()).user,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Replaces who is signed in, dropping every cached answer the previous user could see. The
 * current-user query itself stays (its observer, the app shell, would not see a new one).
 */
export function setSignedIn(queryClient: QueryClient, user: CurrentUser | null): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey !== currentUserKey });
  queryClient.setQueryData(currentUserKey, user);
}

/** Forget everything the previous user could see, then show the sign-in page. */
export function forgetSession(queryClient: QueryClient): void {
  setSignedIn(queryClient, null);
}

export function useSignIn() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => client.auth.login.mutate(credentials),
    onSuccess: ({ user }) => setSignedIn(queryClient, user),
  });
}

export function useSignOut() {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.auth.logout.mutate(),
    // Even when the call fails the browser must not keep showing the last user's data.
    onSettled: () => forgetSession(queryClient),
  });
}
