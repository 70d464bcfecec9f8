import { toneClasses, type Tone } from '../../components/Badge';
import type { SignatureResult, SignatureState } from '../../core/verify/verifySignature';

const TONE: Record<SignatureState, Tone> = {
  verified: 'good',
  invalid: 'danger',
  'no-matching-key': 'warning',
  unsupported: 'warning',
  unsecured: 'danger',
  error: 'danger',
  'no-key': 'neutral',
};
const TITLE: Record<SignatureState, string> = {
  verified: 'Signature verified',
  invalid: 'Invalid signature',
  'no-matching-key': 'No key with this kid',
  unsupported: 'Cannot verify here',
  unsecured: 'Unsigned (alg none)',
  error: 'Cannot verify',
  'no-key': 'Signature not checked',
};

/** The signature verdict (contract: signature-status, data-state; matched-kid). */
export function SignatureStatus({ result, pending }: { result: SignatureResult | undefined; pending: boolean }) {
  if (!result) {
    return (
      <div data-testid="signature-status" data-state="pending" role="status" className={`rounded-lg px-3 py-2 ring-1 ring-inset ${toneClasses('neutral')}`}>
        {pending ? 'Checking the signature…' : 'Signature not checked.'}
      </div>
    );
  }
  return (
    <div data-testid="signature-status" data-state={result.state} role="status" className={`rounded-lg px-3 py-2 ring-1 ring-inset ${toneClasses(TONE[result.state])}`}>
      <p className="font-semibold">{TITLE[result.state]}</p>
      <p className="text-sm">{result.message}</p>
      {result.warnings.map((w) => (
        <p key={w} data-testid="signature-warning" role="alert" className={`mt-2 rounded px-2 py-1 text-sm font-semibold ring-1 ring-inset ${toneClasses('danger')}`}>
          {w}
        </p>
      ))}
      {result.matchedKey && (
        <p className="mt-1 text-sm">
          Key: {result.matchedKey.label}
          {result.matchedKid && (
            <>
              {' '}
              · kid <code data-testid="matched-kid">{result.matchedKid}</code>
            </>
          )}
        </p>
      )}
      {result.kubernetesAlgorithm === false && result.alg && result.alg !== 'none' && (
        <p className="mt-1 text-sm">{result.alg} is not an algorithm Kubernetes signs with (only RS256, ES256, ES384, ES512).</p>
      )}
      {result.notes.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
