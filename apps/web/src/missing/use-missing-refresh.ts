import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.ts';

/** After a change, every missing-children list and figure on the page is fetched again. */
export function useMissingRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.missing.pathKey() });
}
