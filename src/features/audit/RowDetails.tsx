import type { ReactNode } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Panel } from '../../components/Panel';
import { rowLabel, type AuditRow } from '../../core/audit/auditRow';
import { cleanerTimeline, type CleanerSettings } from '../../core/audit/cleanerTimeline';
import { ORIGIN_REASONS } from '../../core/audit/secretOrigin';
import { FINDING_CATALOGUE } from '../../core/kubernetes/findingCatalogue';
import { toIsoInstant } from '../../core/time/formatTime';
import { KIND_TONE, kindTitle, SEVERITY_TONE, SIGNATURE_TONE } from './auditLabels';
import { TimelineView } from './TimelineView';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** Everything known about one row: its facts, why its origin is what it is, its findings and its cleaner timeline. */
export function RowDetails({ row, settings, nowSeconds, onClose }: { row: AuditRow; settings: CleanerSettings; nowSeconds: number; onClose: () => void }) {
  const timeline = cleanerTimeline(row, settings, nowSeconds);
  return (
    <Panel
      id="audit-details"
      testId="audit-details"
      title={`Details: ${rowLabel(row)}`}
      actions={
        <Button size="sm" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className="space-y-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          <Fact label="Kind">
            <Badge tone={KIND_TONE[row.kind]}>{row.kind}</Badge> {kindTitle(row.kind)}
            {row.extended ? ', extended expiry' : ''}
          </Fact>
          <Fact label="Service account">
            {row.serviceAccount ?? '—'}
            {row.serviceAccountUid ? <span className="font-mono text-[12px] text-slate-600 dark:text-slate-400"> (uid {row.serviceAccountUid})</span> : null}
          </Fact>
          {row.issuedAt !== null && <Fact label="Issued">{toIsoInstant(row.issuedAt)}</Fact>}
          <Fact label="Expires">{row.expiresAt !== null ? toIsoInstant(row.expiresAt) : row.kind === 'no-token' ? '—' : 'never (no exp claim)'}</Fact>
          {row.createdAt && <Fact label="Secret created">{row.createdAt}</Fact>}
          <Fact label="Origin">{ORIGIN_REASONS[row.originReason]}</Fact>
          {row.mountedBy && <Fact label="Used by pods">{row.mountedBy.length ? row.mountedBy.join(', ') : 'none in the paste'}</Fact>}
          {(row.alg || row.kid) && (
            <Fact label="Header">
              <span className="font-mono text-[12px]">
                alg {row.alg ?? '(none)'}, kid {row.kid === null ? '(none)' : JSON.stringify(row.kid)}
              </span>
            </Fact>
          )}
          {row.signature && (
            <Fact label="Signature">
              <Badge tone={SIGNATURE_TONE[row.signature]}>{row.signature}</Badge>
            </Fact>
          )}
          {row.problem && <Fact label="Problem">{row.problem}</Fact>}
        </dl>
        {row.findings.length > 0 && (
          <ul className="space-y-1">
            {row.findings.map((f) => (
              <li key={f.code} className="flex flex-wrap items-baseline gap-2">
                <Badge tone={SEVERITY_TONE[f.severity]}>{f.code}</Badge>
                <span className="font-medium">{FINDING_CATALOGUE[f.code].title}.</span>
                <span className="text-slate-700 dark:text-slate-300">{FINDING_CATALOGUE[f.code].action}</span>
              </li>
            ))}
          </ul>
        )}
        <div>
          <h3 className="mb-1 font-semibold">Legacy token cleaner</h3>
          <TimelineView timeline={timeline} />
          <details className="mt-1">
            <summary className="cursor-pointer text-[13px] text-slate-700 dark:text-slate-300">Not known offline</summary>
            <ul className="mt-1 ml-4 list-disc space-y-0.5 text-[13px] text-slate-700 dark:text-slate-300">
              {timeline.unknowns.map((u) => (
                <li key={u.topic}>{u.text}</li>
              ))}
            </ul>
          </details>
        </div>
      </div>
    </Panel>
  );
}
