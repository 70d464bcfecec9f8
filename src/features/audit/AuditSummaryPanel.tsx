import type { ReactNode } from 'react';
import { Badge, toneClasses } from '../../components/Badge';
import type { AuditKind } from '../../core/audit/auditRow';
import { findingsPresent, kindsPresent, type AuditSummary } from '../../core/audit/auditSummary';
import type { RowFilter } from '../../core/audit/auditTable';
import { FINDING_CATALOGUE, type FindingCode } from '../../core/kubernetes/findingCatalogue';
import type { SignatureState } from '../../core/verify/verifySignature';
import { count, KIND_TONE, kindTitle, plural, SEVERITY_TONE, SIGNATURE_TONE } from './auditLabels';
import type { AuditRunState } from './auditRunState';

interface AuditSummaryPanelProps {
  run: AuditRunState;
  summary: AuditSummary;
  filter: RowFilter;
  onFilterChange: (filter: RowFilter) => void;
}

function FilterChip({ pressed, onClick, className, children, title }: { pressed: boolean; onClick: () => void; className: string; children: ReactNode; title: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      title={title}
      onClick={onClick}
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${className} ${pressed ? 'outline-2 outline-offset-1 outline-sky-600 dark:outline-sky-400' : ''}`}
    >
      {children}
    </button>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
      <dt className="w-full shrink-0 text-slate-600 sm:w-40 dark:text-slate-400">{label}</dt>
      <dd className="flex min-w-0 flex-1 flex-wrap gap-1 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** `audit-summary`: what was analysed, by kind, finding, origin and label; other Secrets only counted. Kinds and findings filter the table. */
export function AuditSummaryPanel({ run, summary, filter, onFilterChange }: AuditSummaryPanelProps) {
  const toggle = (patch: RowFilter, on: boolean) => onFilterChange({ ...filter, ...(on ? patch : Object.fromEntries(Object.keys(patch).map((k) => [k, undefined]))) });
  const tokensWord = run.source === 'token-lines' ? 'token' : 'service account token Secret';
  const others = run.others;
  const context = run.context;
  return (
    <section
      aria-labelledby="audit-summary-title"
      data-testid="audit-summary"
      data-total={summary.total}
      data-complete={run.phase === 'done'}
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="audit-summary-title" className="text-base font-semibold">
        {plural(summary.total, tokensWord)}
        {run.phase !== 'done' && run.total > summary.total ? <span className="font-normal text-slate-600 dark:text-slate-400"> of {count(run.total)} so far</span> : null}
      </h2>
      <dl className="mt-2 space-y-1.5">
        <Row label="By kind">
          {kindsPresent(summary).map(([kind, n]: [AuditKind, number]) => (
            <FilterChip key={kind} pressed={filter.kind === kind} onClick={() => toggle({ kind }, filter.kind !== kind)} className={toneClasses(KIND_TONE[kind])} title={`${kindTitle(kind)}: show only these`}>
              {kind} <span className="tabular-nums">{count(n)}</span>
            </FilterChip>
          ))}
          {summary.total === 0 && <span className="text-slate-600 dark:text-slate-400">none</span>}
        </Row>
        <Row label="By finding">
          {findingsPresent(summary).map(([code, n]: [FindingCode, number]) => (
            <FilterChip
              key={code}
              pressed={filter.finding === code}
              onClick={() => toggle({ finding: code }, filter.finding !== code)}
              className={toneClasses(SEVERITY_TONE[FINDING_CATALOGUE[code].severity])}
              title={`${FINDING_CATALOGUE[code].title}: show only these`}
            >
              {code} <span className="tabular-nums">{count(n)}</span>
            </FilterChip>
          ))}
          {findingsPresent(summary).length === 0 && <span className="text-slate-600 dark:text-slate-400">none</span>}
        </Row>
        {run.source === 'secrets' && (
          <Row label="Origin">
            <span>
              {count(summary.byOrigin.auto)} auto-generated · {count(summary.byOrigin.manual)} manual · {count(summary.byOrigin.unknown)} unknown
              {context && context.serviceAccounts === 0 && summary.total > 0 && (
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  No ServiceAccounts in the paste: add them (kubectl get secrets,serviceaccounts,pods -A -o json) to tell auto-generated Secrets from manual ones.
                </span>
              )}
            </span>
          </Row>
        )}
        {run.source === 'secrets' && (
          <Row label="Legacy token labels">
            <span>
              {count(summary.lastUsedLabelled)} with <code>kubernetes.io/legacy-token-last-used</code> · {count(summary.invalidSinceLabelled)} with <code>kubernetes.io/legacy-token-invalid-since</code>
            </span>
          </Row>
        )}
        {Object.keys(summary.bySignature).length > 0 && (
          <Row label="Signatures">
            {(Object.entries(summary.bySignature) as [SignatureState, number][]).map(([state, n]) => (
              <Badge key={state} tone={SIGNATURE_TONE[state]}>
                {state} {count(n)}
              </Badge>
            ))}
          </Row>
        )}
        {others && others.total > 0 && (
          <Row label="Other Secrets">
            <span data-testid="audit-other-secrets" data-total={others.total}>
              {plural(others.total, 'other Secret')}, counted but never decoded or shown:{' '}
              {Object.entries(others.byType)
                .sort((a, b) => b[1] - a[1])
                .map(([type, n]) => `${type} ${count(n)}`)
                .join(' · ')}
            </span>
          </Row>
        )}
        {context && (context.serviceAccounts > 0 || context.pods > 0 || context.otherItems > 0 || context.trackingSince) && (
          <Row label="Also in the paste">
            <span>
              {[
                context.serviceAccounts > 0 && plural(context.serviceAccounts, 'ServiceAccount'),
                context.pods > 0 && plural(context.pods, 'Pod'),
                context.trackingSince && `legacy token tracking since ${context.trackingSince}`,
                context.otherItems > 0 && plural(context.otherItems, 'other item'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </Row>
        )}
      </dl>
    </section>
  );
}
