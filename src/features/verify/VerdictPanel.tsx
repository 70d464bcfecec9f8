import { toneClasses } from '../../components/Badge';
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

/** One verdict: would the API server accept this token, and if not, every reason. */
export function VerdictPanel({ verdict }: { verdict: VersionedVerdict }) {
  const n = verdict.reasons.length;
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="verdict" data-accepted={String(verdict.accepted)} className={`rounded px-3 py-2 font-semibold ring-1 ring-inset ${toneClasses(verdict.accepted ? 'good' : 'danger')}`}>
        {verdict.accepted ? 'The API server would accept this token (as far as can be checked offline).' : `The API server would refuse this token (${n} reason${n === 1 ? '' : 's'}).`}
      </p>
      <ReasonList reasons={verdict.reasons} testId="verdict-reason" />
      {verdict.dependsOnVersion && (
        <p data-testid="verdict-versions" data-accepted-by={verdict.acceptedBy} className="text-slate-700 dark:text-slate-300">
          Depends on the version: {verdict.dependsOnVersion}.
        </p>
      )}
      <ReasonList reasons={verdict.elsewhere} testId="verdict-reason-elsewhere" className="text-slate-700 dark:text-slate-300" />
      <ReasonList reasons={verdict.warnings} testId="verdict-warning" className="text-amber-900 dark:text-amber-200" />
      {verdict.notCheckable.length > 0 && (
        <div>
          <p className="font-medium">Only the cluster can tell whether:</p>
          <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
            {verdict.notCheckable.map((n) => (
              <li key={n} data-testid="verdict-unchecked">{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
