import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { TrustReport } from '../../core/trust/trustReport';
import { useNow } from '../../hooks/useNow';
import { evaluateTrustOffThread } from './trustEvaluator';

/** Time-dependent verdicts (expired, not yet valid) are brought up to date this often. */
const REFRESH_SECONDS = 30;

export interface TrustReportState {
  report: TrustReport | null;
  /** The report shown is for an earlier input while the current one is evaluated. */
  stale: boolean;
}

/**
 * The Trust report for a configuration and a token, evaluated in the Trust worker through
 * TanStack Query: cached per (configuration, token, half-minute), and a superseded evaluation is
 * dropped before it starts. Nothing is evaluated while the configuration is empty.
 */
export function useTrustReport(configText: string, token: string | null): TrustReportState {
  const text = useDeferredValue(configText);
  const bucket = Math.floor(useNow(true) / REFRESH_SECONDS);
  const enabled = text.trim() !== '';
  const query = useQuery({
    queryKey: ['trust', text, token, bucket],
    queryFn: ({ signal }) => evaluateTrustOffThread(text, token, Math.floor(Date.now() / 1000), signal),
    enabled,
    placeholderData: keepPreviousData,
    gcTime: 60_000,
  });
  if (!enabled) return { report: null, stale: false };
  return { report: query.data ?? null, stale: query.isPlaceholderData || text !== configText };
}
