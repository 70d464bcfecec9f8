import { toneClasses } from '../../components/Badge';
import type { ClaimVerdict } from '../../core/verify/validateClaims';

/** One verdict: would the API server accept this token, and if not, every reason. */
export function VerdictPanel({ verdict }: { verdict: ClaimVerdict }) {
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="verdict" data-accepted={String(verdict.accepted)} className={`rounded px-3 py-2 font-semibold ring-1 ring-inset ${toneClasses(verdict.accepted ? 'good' : 'danger')}`}>
        {verdict.accepted ? 'The API server would accept this token (as far as can be checked offline).' : `The API server would refuse this token (${verdict.reasons.length} reason${verdict.reasons.length === 1 ? '' : 's'}).`}
      </p>
      {verdict.reasons.length > 0 && (
        <ul className="list-disc pl-5">
          {verdict.reasons.map((r) => (
            <li key={r.code + r.message} data-testid="verdict-reason" data-code={r.code}>
              {r.message}
            </li>
          ))}
        </ul>
      )}
      {verdict.warnings.length > 0 && (
        <ul className="list-disc pl-5 text-amber-900 dark:text-amber-200">
          {verdict.warnings.map((r) => (
            <li key={r.code + r.message} data-testid="verdict-warning" data-code={r.code}>
              {r.message}
            </li>
          ))}
        </ul>
      )}
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
