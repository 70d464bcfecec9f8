import { toneClasses, type Tone } from '../../components/Badge';
import { errorClass } from '../../components/styles';
import type { Severity } from '../../core/kubernetes/findingCatalogue';
import { progressShare, type RbacRunState } from './rbacRunState';

export const SEVERITY_TONE: Record<Severity, Tone> = { info: 'info', warning: 'warning', danger: 'danger' };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Where reading the paste is: progress, then what was read and what in it needs a look. */
export function DumpStatus({ run }: { run: Pick<RbacRunState, 'phase' | 'progress' | 'summary' | 'error'> }) {
  const { phase, progress, summary, error } = run;
  if (phase === 'empty') return null;
  if (phase === 'error' && error) {
    return (
      <p role="alert" data-testid="access-error" data-code={error.code} className={errorClass}>
        {error.message}
      </p>
    );
  }
  if (phase === 'reading' || !summary) {
    const share = progressShare(progress);
    return (
      <div data-testid="access-progress" data-phase={progress?.phase ?? 'parsing'} role="status" className="space-y-1 text-sm">
        <p>
          {progress?.phase === 'reading' ? `Reading objects: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}…` : 'Parsing the RBAC objects…'}
        </p>
        <progress className="h-2 w-full" max={100} value={Math.round(share * 100)} aria-label="Reading the RBAC objects" />
      </div>
    );
  }
  const ignored = Object.entries(summary.ignored).map(([kind, n]) => `${n} ${kind}`);
  const notes = [...summary.problems.map((p) => ({ key: `${p.code}:${p.message}`, severity: 'warning' as Severity, title: 'Not read as it stands', message: p.message })), ...summary.issues.map((i) => ({ key: `${i.code}:${i.message}`, ...i }))];
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="access-summary" data-roles={summary.roles} data-bindings={summary.bindings} role="status">
        Read {count(summary.roles, 'role')} and {count(summary.bindings, 'binding')}
        {summary.namespaces.length > 0 && ` in ${count(summary.namespaces.length, 'namespace')}`} ({Math.round(summary.elapsedMs).toLocaleString('en')} ms).
        {ignored.length > 0 && ` Ignored: ${ignored.join(', ')}.`}
      </p>
      {notes.length > 0 && (
        <details className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <summary className="cursor-pointer font-medium">
            {count(notes.length, 'thing')} in the paste worth a look
          </summary>
          <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto">
            {notes.slice(0, 200).map((n) => (
              <li key={n.key} data-testid="access-issue" className={`rounded px-2 py-1 ring-1 ring-inset ${toneClasses(SEVERITY_TONE[n.severity])}`}>
                <span className="font-semibold">{n.title}: </span>
                {n.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
