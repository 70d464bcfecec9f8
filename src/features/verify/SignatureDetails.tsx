import { toneClasses } from '../../components/Badge';
import { SIGNATURE_TITLES, SIGNATURE_TONES } from '../../core/kubernetes/tokenSummary';
import type { SignatureResult } from '../../core/verify/verifySignature';

/**
 * The signature check in full: which key, the notes. Its state, the matched kid and any warning
 * are in the summary card (where the signature-status hook lives, once on the page).
 */
export function SignatureDetails({ result, pending }: { result: SignatureResult | undefined; pending: boolean }) {
  if (!result) {
    return <div className={`rounded-lg px-3 py-2 ring-1 ring-inset ${toneClasses('neutral')}`}>{pending ? 'Checking the signature…' : 'Signature not checked.'}</div>;
  }
  return (
    <div className={`rounded-lg px-3 py-2 ring-1 ring-inset ${toneClasses(SIGNATURE_TONES[result.state])}`}>
      <p className="font-semibold">{SIGNATURE_TITLES[result.state]}</p>
      <p className="text-sm [overflow-wrap:anywhere]">{result.message}</p>
      {result.matchedKey && <p className="mt-1 text-sm [overflow-wrap:anywhere]">Key: {result.matchedKey.label}</p>}
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
