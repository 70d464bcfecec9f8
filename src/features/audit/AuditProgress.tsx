import { count } from './auditLabels';
import type { AuditRunState } from './auditRunState';

/** The progress bar (`audit-progress`) and one line saying where the run is. */
export function AuditProgress({ run, textLength }: { run: AuditRunState; textLength: number }) {
  const analysed = run.rows.length;
  const max = Math.max(run.total, 1);
  const value = run.phase === 'done' ? max : run.phase === 'analysing' ? analysed : 0;
  const status =
    run.phase === 'reading'
      ? `Reading ${(textLength / 1e6).toFixed(1)} MB in a background worker…`
      : run.phase === 'analysing'
        ? `Analysed ${count(analysed)} of ${count(run.total)}…`
        : run.phase === 'done'
          ? `Analysed ${count(run.total)} in ${((run.elapsedMs ?? 0) / 1000).toFixed(1)} s.`
          : run.phase === 'error'
            ? 'Stopped.'
            : '';
  return (
    <div className="space-y-1">
      <progress
        data-testid="audit-progress"
        data-phase={run.phase}
        aria-label="Audit progress"
        aria-valuetext={status}
        max={max}
        value={value}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 accent-sky-600 dark:bg-slate-800 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-600 dark:[&::-webkit-progress-bar]:bg-slate-800 dark:[&::-webkit-progress-value]:bg-sky-400"
      />
      <p className="text-xs text-slate-600 dark:text-slate-400">{status}</p>
      {/* Announced once per phase, not once per batch. */}
      <p className="sr-only" aria-live="polite">
        {run.phase === 'analysing' ? 'Analysing…' : status}
      </p>
    </div>
  );
}
