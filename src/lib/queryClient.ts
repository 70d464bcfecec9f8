import { QueryClient } from '@tanstack/react-query';

/**
 * The app's one QueryClient. Its queries are WebCrypto work (key parsing, signature checks) and
 * key fetches the user asked for: never retried, refetched or made stale on their own, and kept
 * five minutes after the last view that used them is gone.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: Infinity, gcTime: 5 * 60_000 } },
  });
}
