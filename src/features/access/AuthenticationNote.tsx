import { toneClasses } from '../../components/Badge';
import { ACCESS_NOTES } from '../../core/rbac/accessCatalogue';
import type { Accepted, OverallVerdict } from '../../core/kubernetes/overallVerdict';

const STATE: Record<Accepted, 'accepted' | 'refused' | 'undecided'> = { true: 'accepted', false: 'refused', undecided: 'undecided' };

/**
 * A 401 comes before any 403: the decoder's verdict (same keys, policy and cluster version), read
 * as "would a request with this token get as far as RBAC?".
 */
export function AuthenticationNote({ verdict }: { verdict: OverallVerdict }) {
  const state = STATE[verdict.accepted];
  return (
    <div data-testid="access-authentication" data-state={state} className={`rounded px-3 py-2 text-sm ring-1 ring-inset ${toneClasses(verdict.tone)}`}>
      <p className="font-medium">{verdict.headline}</p>
      {state === 'refused' && (
        <>
          <ul className="mt-1 list-disc pl-5">
            {verdict.refusedBy.map((r) => (
              <li key={r.code + r.message} data-code={r.code}>
                {r.message}
              </li>
            ))}
          </ul>
          <p className="mt-1">Every request fails with 401 Unauthorized before RBAC is asked; below is what its identity would have with a valid token.</p>
        </>
      )}
      {state === 'undecided' && <p className="mt-1">{ACCESS_NOTES.authenticationFirst}</p>}
    </div>
  );
}
