import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { errorClass } from '../../components/styles';
import type { AuditRow } from '../../core/audit/auditRow';
import { summarizeRows } from '../../core/audit/auditSummary';
import { visibleRows, type RowFilter, type SortKey, type SortOrder } from '../../core/audit/auditTable';
import { DEFAULT_CLEANUP_PERIOD_DAYS, type CleanerSettings } from '../../core/audit/cleanerTimeline';
import type { SecretEncoding } from '../../core/keys/secret';
import { AuditFilters } from './AuditFilters';
import { AuditInput } from './AuditInput';
import { AuditProgress } from './AuditProgress';
import { AuditSummaryPanel } from './AuditSummaryPanel';
import { AuditTable } from './AuditTable';
import { count } from './auditLabels';
import { CleanupPlanPanel } from './CleanupPlanPanel';
import { ExportButtons } from './ExportButtons';
import { RowDetails } from './RowDetails';
import { useAuditRun } from './useAuditRun';

interface AuditViewProps {
  /** The pasted text: a secret list (JSON or YAML) or tokens one per line. */
  text: string;
  /** Typing or pasting in the audit's own box (audit-input). */
  onTextChange: (text: string) => void;
  /** The verification key input; when not empty, every token can be verified against it. */
  keyText: string;
  secretEncoding?: SecretEncoding;
  /** The user marked the key text as an HMAC secret; without the mark, text is no secret. */
  keyIsHmac?: boolean;
}

const DEFAULT_ORDER: SortOrder = { key: 'id', direction: 'asc' };

/**
 * The audit of a whole secret list (issue 7): analysed in a worker with a progress bar, summed
 * up, shown in a sortable, filterable, windowed table, exported without tokens, and turned into a
 * clean-up plan for the selected legacy Secrets.
 */
export default function AuditView({ text, onTextChange, keyText, secretEncoding = 'utf8', keyIsHmac = false }: AuditViewProps) {
  const [verifyEnabled, setVerifyEnabled] = useState(false);
  const run = useAuditRun(text, { enabled: verifyEnabled, keyText, secretEncoding, keyIsHmac });
  const [filter, setFilter] = useState<RowFilter>({});
  const [order, setOrder] = useState<SortOrder>(DEFAULT_ORDER);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [activeId, setActiveId] = useState<number | null>(null);
  const [cleanerSettings, setCleanerSettings] = useState<CleanerSettings | null>(null);

  // A new paste starts afresh: no selection, no details of a row that is gone.
  const [seenText, setSeenText] = useState(text);
  if (seenText !== text) {
    setSeenText(text);
    setSelected(new Set());
    setActiveId(null);
    setCleanerSettings(null);
  }

  // The table and its controls mount a frame after the summary: one mount of everything at once
  // was the audit's longest main-thread task (60–90 ms measured).
  const hasRows = run.rows.length > 0;
  const [tableShown, setTableShown] = useState(false);
  if (!hasRows && tableShown) setTableShown(false);
  useEffect(() => {
    if (!hasRows) return;
    const frame = requestAnimationFrame(() => setTableShown(true));
    return () => cancelAnimationFrame(frame);
  }, [hasRows]);

  const settings: CleanerSettings = cleanerSettings ?? { periodDays: DEFAULT_CLEANUP_PERIOD_DAYS, trackingSince: run.context?.trackingSince ?? null };
  const summary = useMemo(() => summarizeRows(run.rows), [run.rows]);
  // Typing in the search box stays immediate; the table follows a render behind on 10,000 rows.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => visibleRows(run.rows, deferredFilter, order), [run.rows, deferredFilter, order]);
  const byId = useMemo(() => new Map(run.rows.map((r) => [r.id, r])), [run.rows]);
  const selectedRows = useMemo(() => [...selected].map((id) => byId.get(id)).filter((r): r is AuditRow => r !== undefined), [selected, byId]);
  const active = activeId === null ? undefined : byId.get(activeId);
  const hasKey = keyText.trim() !== '';

  const sortBy = (key: SortKey) =>
    setOrder((o) => (o.key === key ? (o.direction === 'asc' ? { key, direction: 'desc' } : DEFAULT_ORDER) : { key, direction: key === 'findings' ? 'desc' : 'asc' }));
  const select = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const selectLegacyShown = () => select(shown.filter((r) => r.kind === 'legacy').map((r) => r.id), true);

  return (
    <div className="min-w-0 space-y-3">
      <AuditInput value={text} onChange={onTextChange} />
      {/* The results: they never show a Secret that is not a service account token. */}
      <div data-testid="audit-view" className="min-w-0 space-y-3">
        <AuditProgress run={run} textLength={text.length} />
        {run.error && (
          <p role="alert" data-testid="audit-error" data-code={run.error.code} className={errorClass}>
            {run.error.message}
          </p>
        )}
        {run.phase !== 'idle' && !run.error && <AuditSummaryPanel run={run} summary={summary} filter={filter} onFilterChange={setFilter} />}
        {hasKey && run.phase !== 'idle' && !run.error && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" data-testid="audit-verify" checked={verifyEnabled} onChange={(e) => setVerifyEnabled(e.target.checked)} />
              Verify every token against the verification key
            </label>
            {run.verification && (
              <span data-testid="audit-verify-status" data-finished={run.verification.finished} className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
                {run.verification.finished
                  ? `Checked ${count(run.verification.total)} tokens${run.verification.keys ? ` against ${run.verification.keys.description}` : ''}.${run.verification.keys?.error ? ` ${run.verification.keys.error}` : ''}`
                  : `Checking ${count(run.verification.done)} of ${count(run.verification.total)}…`}
              </span>
            )}
            {!verifyEnabled && run.phase !== 'done' && <span className="text-xs text-slate-600 dark:text-slate-400">(available once the analysis is done)</span>}
          </div>
        )}
        {hasRows && tableShown && (
          <>
            <AuditFilters summary={summary} filter={filter} onChange={setFilter} shown={shown.length} />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Button data-testid="audit-select-legacy" onClick={selectLegacyShown}>
                  Select the legacy rows shown
                </Button>
                <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="audit-selected-count">
                  {count(selected.size)} selected
                </span>
              </div>
              <ExportButtons rows={shown} nowSeconds={run.nowSeconds} />
            </div>
            <AuditTable
              rows={shown}
              order={order}
              onSort={sortBy}
              selected={selected}
              onSelect={select}
              activeId={activeId}
              onActivate={(id) => setActiveId((current) => (current === id ? null : id))}
              showSignature={Object.keys(summary.bySignature).length > 0}
            />
            {active && <RowDetails row={active} settings={settings} nowSeconds={run.nowSeconds} onClose={() => setActiveId(null)} />}
            {selectedRows.length > 0 && (
              <CleanupPlanPanel selected={selectedRows} settings={settings} onSettingsChange={setCleanerSettings} nowSeconds={run.nowSeconds} onClearSelection={() => setSelected(new Set())} />
            )}
          </>
        )}
        {run.phase === 'done' && run.rows.length === 0 && !run.error && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No service account token Secrets in this list{run.others?.total ? `: only ${count(run.others.total)} other Secrets, counted and not shown` : ''}.
          </p>
        )}
      </div>
    </div>
  );
}
