/**
 * The one answer to "would the API server accept this token?", told apart by what a key can
 * change. A reason that no key can remove (expired, wrong issuer, alg none…) refuses the token
 * outright; a reason that depends on the key the user gave (none given, wrong key, key not
 * selected by kid) leaves it undecided; only a verified signature with no reason accepts it.
 */
import type { SignatureState } from '../verify/verifySignature';
import type { VerdictReason } from './apiServerVerdict';

export type Accepted = 'true' | 'false' | 'undecided';

export interface OverallVerdict<R extends VerdictReason = VerdictReason> {
  accepted: Accepted;
  tone: 'good' | 'danger' | 'warning' | 'neutral';
  headline: string;
  /** Reasons no key can change: each alone refuses the token. */
  refusedBy: R[];
  /** Reasons that follow from the key given (or its absence). */
  keyDependent: R[];
}

/**
 * Codes of the API-server verdict that another key could clear. `signature-unsecured` (alg none) and
 * `signature-algorithm` (HS/Ed: never a kube-apiserver key) come from the token itself.
 */
const KEY_DEPENDENT_CODES: ReadonlySet<string> = new Set([
  'signature-not-checked',
  'signature-invalid',
  'signature-no-matching-key',
  'signature-error',
  'signature-unsupported',
  'kid-mismatch',
]);

export const isKeyDependentReason = (reason: VerdictReason): boolean => KEY_DEPENDENT_CODES.has(reason.code);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `signature` is undefined while the check is still running. */
export function overallVerdict<R extends VerdictReason>(verdict: { reasons: R[] }, signature: SignatureState | undefined): OverallVerdict<R> {
  const refusedBy = verdict.reasons.filter((r) => !isKeyDependentReason(r));
  const keyDependent = verdict.reasons.filter((r) => isKeyDependentReason(r));
  const base = { refusedBy, keyDependent };
  if (refusedBy.length > 0) {
    return { ...base, accepted: 'false', tone: 'danger', headline: `Refused: the API server would refuse this token (${plural(refusedBy.length, 'reason')} below).` };
  }
  if (signature === 'verified' && keyDependent.length === 0) {
    return { ...base, accepted: 'true', tone: 'good', headline: 'Accepted: the API server would accept this token, as far as can be checked offline.' };
  }
  if (signature === undefined) {
    return { ...base, accepted: 'undecided', tone: 'neutral', headline: 'Undecided: nothing in the claims stands in the way; the signature is still being checked.' };
  }
  if (signature === 'no-key') {
    return { ...base, accepted: 'undecided', tone: 'neutral', headline: "Undecided: nothing in the claims stands in the way, but the signature is not checked — add the cluster's public key." };
  }
  if (signature === 'verified') {
    return { ...base, accepted: 'undecided', tone: 'warning', headline: 'Undecided: the signature verifies with the key given, but kube-apiserver might not use that key (see below).' };
  }
  return { ...base, accepted: 'undecided', tone: 'warning', headline: "Undecided: the signature does not verify with the key given. If that is the cluster's key, the API server would refuse this token." };
}
