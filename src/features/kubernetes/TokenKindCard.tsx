import type { Classification } from '../../core/kubernetes/classifyToken';

/** Why the token is of its kind, and which Kubernetes versions could have minted it (the kind itself, and its hook, are in the summary). */
export function TokenKindCard({ classification }: { classification: Classification }) {
  return (
    <div className="space-y-2">
      <p className="text-base font-semibold">
        {classification.title}
        {classification.extended && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">extended expiry</span>}
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">{classification.headline}</p>
      {classification.evidence.length > 0 && (
        <div>
          <h3 className="text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">Evidence</h3>
          <ul className="list-disc pl-5 text-sm">
            {classification.evidence.map((e) => (
              <li key={e} data-testid="kind-evidence">{e}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-sm">
        <span className="font-medium">Minted by: </span>
        <span data-testid="kind-versions">{classification.versions}</span>
      </p>
    </div>
  );
}
