import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState, type ReactNode } from 'react';
import { createQueryClient } from '../lib/queryClient';
import { ErrorBoundary } from './ErrorBoundary';

/** Shown only while nothing nearer has a loading message of its own. */
function Loading() {
  return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
}

/**
 * What every view may rely on, mounted once around the whole app: the one QueryClient, an error
 * boundary (a failure anywhere shows a message with Reload, never a blank page) and a last
 * Suspense boundary.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </ErrorBoundary>
    </QueryClientProvider>
  );
}
