import { toneClasses } from '../../components/Badge';
import { StatusIcon } from '../../components/StatusIcon';
import type { OverallVerdict } from '../../core/kubernetes/overallVerdict';
import type { VersionedReason, VersionedVerdict } from '../../core/kubernetes/versionedVerdict';

function ReasonList({ reasons, testId, className = '' }: { reasons: VersionedReason[]; testId: string; className?: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul className={`list-disc pl-5 ${className}`}>
      {reasons.map((r) => (
        <li key={r.code + r.message} data-testid={testId} data-code={r.code} data-versions={r.versions}>
          {r.text}
        </li>
      ))}
    </ul>
  );
}

const ICON = { good: 'check', danger: 'cross', warning: 'alert', neutral: 'question' } as const;

/** The one verdict, in a line: would the API server accept this token? */
export function VerdictHeadline({ overall }: { overall: OverallVerdict }) {
  return (
    <p data-testid="verdict" data-accepted={overall.accepted} className={`flex items-start gap-2 rounded px-3 py-2 text-sm font-semibold ring-1 ring-inset ${toneClasses(overall.tone)}`}>
      <StatusIcon name={ICON[overall.tone]} className="mt-0.5 h-4 w-4" />
      <span>{overall.headline}</span>
    </p>
  );
}

/** Every reason behind the verdict: what refuses it, what follows from the key, what to note. */
export function VerdictPanel({ verdict, overall }: { verdict: VersionedVerdict; overall: OverallVerdict<VersionedReason> }) {
  return (
    <div className="space-y-2 text-sm">
      {overall.refusedBy.length > 0 && <p className="font-medium">Refused because:</p>}
      <ReasonList reasons={overall.refusedBy} testId="verdict-reason" />
      {overall.keyDependent.length > 0 && <p className="font-medium">{overall.refusedBy.length > 0 ? 'Also, with the key given:' : 'With the key given:'}</p>}
      <ReasonList reasons={overall.keyDependent} testId="verdict-reason" />
      {verdict.dependsOnVersion && (
        <p data-testid="verdict-versions" data-accepted-by={verdict.acceptedBy} className="text-slate-700 dark:text-slate-300">
          Depends on the version: {verdict.dependsOnVersion}.
        </p>
      )}
      <ReasonList reasons={verdict.elsewhere} testId="verdict-reason-elsewhere" className="text-slate-700 dark:text-slate-300" />
      {verdict.warnings.length > 0 && <p className="font-medium">Also note:</p>}
      <ReasonList reasons={verdict.warnings} testId="verdict-warning" className="text-amber-900 dark:text-amber-200" />
      {verdict.notCheckable.length > 0 && (
        <details>
          <summary className="cursor-pointer font-medium">Only the cluster can tell whether… ({verdict.notCheckable.length})</summary>
          <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
            {verdict.notCheckable.map((n) => (
              <li key={n} data-testid="verdict-unchecked">{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
