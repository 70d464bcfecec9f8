import { Badge } from '../../components/Badge';
import { TimeValue } from '../../components/TimeValue';
import { INPUT_KIND_LABELS } from '../../core/input/inputKinds';
import { readTimeClaims } from '../../core/time/validity';
import type { ComparedToken } from './useComparedToken';

/** Kind, identity and times of one side. */
export function CompareSummary({ side, token, nowSeconds }: { side: 'A' | 'B'; token: ComparedToken; nowSeconds: number }) {
  const { recognized, decoded, classification, identity, validity } = token;
  if (!decoded) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {recognized.kind === 'empty' ? `Paste token ${side}.` : `${INPUT_KIND_LABELS[recognized.kind]}: nothing to compare.`} {recognized.hint?.message}
      </p>
    );
  }
  return (
    <dl data-testid={`compare-summary-${side.toLowerCase()}`} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-600 dark:text-slate-400">Kind</dt>
      <dd data-testid="compare-kind" data-kind={classification?.kind}>
        {classification?.title}
        {classification?.extended && <Badge tone="warning">extended</Badge>}
      </dd>
      <dt className="text-slate-600 dark:text-slate-400">Username</dt>
      <dd className="font-mono text-[13px] break-all">{identity?.username ?? '—'}</dd>
      <dt className="text-slate-600 dark:text-slate-400">Groups</dt>
      <dd className="font-mono text-[13px] break-all">{identity?.groups.join(', ') || '—'}</dd>
      {readTimeClaims(decoded.claims).map((t) => (
        <div key={t.name} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{t.name}</dt>
          <dd>{t.date.ok ? <TimeValue seconds={t.date.seconds} nowSeconds={nowSeconds} /> : t.date.message}</dd>
        </div>
      ))}
      <dt className="text-slate-600 dark:text-slate-400">Now</dt>
      <dd>{validity?.headline}</dd>
    </dl>
  );
}
