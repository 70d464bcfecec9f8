import { useId } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Select } from '../../components/Select';
import { controlClass } from '../../components/styles';
import { AUDIT_KINDS, type AuditKind, type SecretOrigin } from '../../core/audit/auditRow';
import { findingsPresent, type AuditSummary } from '../../core/audit/auditSummary';
import type { RowFilter } from '../../core/audit/auditTable';
import type { FindingCode } from '../../core/kubernetes/findingCatalogue';
import { count } from './auditLabels';

const ORIGIN_OPTION = { auto: 'auto-generated', manual: 'manual', unknown: 'unknown' } as const;

interface AuditFiltersProps {
  summary: AuditSummary;
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  shown: number;
}

/** A filter's width: full width on a phone, its own width from the small breakpoint. */
const FILTER = 'min-w-32 flex-1 sm:flex-none';

/** Free-text search and filters by namespace, kind, finding and origin. */
export function AuditFilters({ summary, filter, onChange, shown }: AuditFiltersProps) {
  const id = useId();
  const set = (patch: RowFilter) => onChange({ ...filter, ...patch });
  const active = Boolean(filter.query || filter.namespace || filter.kind || filter.finding || filter.origin);
  return (
    <div role="search" aria-label="Filter the audit table" className="flex flex-wrap items-end gap-2 text-sm">
      <Field label="Search" className="min-w-48 flex-1">
        {(control) => (
          <input
            {...control}
            type="search"
            data-testid="audit-search"
            value={filter.query ?? ''}
            onChange={(e) => set({ query: e.target.value })}
            placeholder="namespace, Secret, service account, finding…"
            className={controlClass}
          />
        )}
      </Field>
      <Field label="Namespace" className={FILTER}>
        {(control) => (
          <Select {...control} data-testid="audit-filter-namespace" value={filter.namespace ?? ''} onChange={(e) => set({ namespace: e.target.value || undefined })} className="max-w-48">
            <option value="">All ({count(summary.namespaces.length)})</option>
            {summary.namespaces.map((ns) => (
              <option key={ns} value={ns}>
                {ns}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Kind" className={FILTER}>
        {(control) => (
          <Select {...control} data-testid="audit-filter-kind" value={filter.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as AuditKind | undefined })}>
            <option value="">All</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {k} ({count(summary.byKind[k] ?? 0)})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Finding" className={FILTER}>
        {(control) => (
          <Select {...control} data-testid="audit-filter-finding" value={filter.finding ?? ''} onChange={(e) => set({ finding: (e.target.value || undefined) as FindingCode | undefined })} className="max-w-56">
            <option value="">All</option>
            {findingsPresent(summary).map(([code, n]) => (
              <option key={code} value={code}>
                {code} ({count(n)})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Origin" className={FILTER}>
        {(control) => (
          <Select {...control} data-testid="audit-filter-origin" value={filter.origin ?? ''} onChange={(e) => set({ origin: (e.target.value || undefined) as SecretOrigin | undefined })}>
            <option value="">All</option>
            {(['auto', 'manual', 'unknown'] as const).map((o) => (
              <option key={o} value={o}>
                {ORIGIN_OPTION[o]} ({count(summary.byOrigin[o])})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button disabled={!active} onClick={() => onChange({})}>
        Reset
      </Button>
      <p id={`${id}-shown`} data-testid="audit-shown-count" data-shown={shown} className="basis-full text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        Showing {count(shown)} of {count(summary.total)}
      </p>
    </div>
  );
}
