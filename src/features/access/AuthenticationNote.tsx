import { toneClasses, type Tone } from '../../components/Badge';
import type { AuthenticationGate, AuthenticationState } from '../../core/rbac/authenticationGate';

const TONE: Record<AuthenticationState, Tone> = { accepted: 'good', refused: 'danger', undecided: 'warning' };

/** A 401 comes before any 403: would the API server authenticate the token at all? */
export function AuthenticationNote({ gate }: { gate: AuthenticationGate }) {
  return (
    <div data-testid="access-authentication" data-state={gate.state} className={`rounded px-3 py-2 text-sm ring-1 ring-inset ${toneClasses(TONE[gate.state])}`}>
      <p className="font-medium">{gate.summary}</p>
      {gate.state === 'refused' && (
        <ul className="mt-1 list-disc pl-5">
          {gate.reasons.map((r) => (
            <li key={r.code + r.message} data-code={r.code}>
              {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
