import { TimeValue } from '../../components/TimeValue';
import type { Lifetime } from '../../core/kubernetes/lifetime';
import { formatDuration } from '../../core/time/formatTime';

/** Effective vs hard lifetime, the kubelet's refresh, staleness and the leeway. */
export function LifetimeCard({ lifetime, atSeconds }: { lifetime: Lifetime; atSeconds: number }) {
  return (
    <div className="space-y-2 text-sm" data-testid="lifetime">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {lifetime.effectiveLifetimeSeconds !== null && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{lifetime.extended ? 'Effective lifetime' : 'Lifetime'}</dt>
            <dd className="font-mono text-[13px]">
              {formatDuration(lifetime.effectiveLifetimeSeconds)}
              {lifetime.extended ? ' (warnafter − iat)' : ' (exp − iat)'}
            </dd>
          </>
        )}
        {lifetime.extended && lifetime.hardLifetimeSeconds !== null && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Hard expiry</dt>
            <dd className="font-mono text-[13px]">{formatDuration(lifetime.hardLifetimeSeconds)} (exp − iat)</dd>
          </>
        )}
        {lifetime.kubeletRefresh && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Kubelet refresh</dt>
            <dd data-testid="kubelet-refresh">
              <TimeValue seconds={lifetime.kubeletRefresh.at} nowSeconds={atSeconds} />
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {formatDuration(lifetime.kubeletRefresh.afterSeconds)} after issue ({lifetime.kubeletRefresh.rule === '80%' ? '80 % of the requested TTL' : 'the 24 h cap'}), minus up to {lifetime.kubeletRefresh.jitterSeconds} s jitter
                {lifetime.kubeletRefresh.due ? ' — refresh was due' : ''}
              </span>
            </dd>
          </>
        )}
        {lifetime.acceptedUntil !== null && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Accepted until</dt>
            <dd>
              <TimeValue seconds={lifetime.acceptedUntil} nowSeconds={atSeconds} />
              <span className="block text-xs text-slate-600 dark:text-slate-400">exp + {lifetime.leewaySeconds} s leeway</span>
            </dd>
          </>
        )}
      </dl>
      {lifetime.stale && <p data-testid="stale" className="font-medium text-amber-900 dark:text-amber-200">Stale: past warnafter.</p>}
      <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
        {lifetime.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
