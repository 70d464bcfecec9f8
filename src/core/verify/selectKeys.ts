/**
 * Key selection as kube-apiserver does it (k/k pkg/serviceaccount/jwt.go, reference §4.1 step 3):
 * a non-empty token `kid` selects only keys with that kid; an empty or missing `kid` tries every
 * key. A key's kid is its JWK `kid` when it has one, else the kid Kubernetes derives from it; a
 * match on either counts, so a JWKS from another issuer (kid "bilbo.baggins@hobbiton.example")
 * works as well as a bare PEM.
 */
import type { CandidateKey } from '../keys/candidateKey';

export type KidMatchReason =
  /** The token has no kid or an empty one: every key is tried. */
  | 'token-has-no-kid'
  | 'given-kid'
  | 'kubernetes-kid'
  /** A bare HMAC secret has no kid at all; there is nothing to compare, so it is tried. */
  | 'key-has-no-kid';

export interface SelectedKey {
  candidate: CandidateKey;
  reason: KidMatchReason;
  /** The key's kid that matched (or its primary kid when the token has none). */
  kid: string | null;
}

export interface KeySelection {
  tokenKid: string | null;
  selected: SelectedKey[];
  notSelected: CandidateKey[];
}

/** The kids a key answers to: its JWK kid first, then its Kubernetes kid. */
export function kidsOf(candidate: CandidateKey): string[] {
  const kids = [candidate.givenKid, candidate.kubernetesKid].filter((k): k is string => typeof k === 'string' && k !== '');
  return [...new Set(kids)];
}

export function selectKeysByKid(tokenKid: string | null, candidates: CandidateKey[]): KeySelection {
  const selected: SelectedKey[] = [];
  const notSelected: CandidateKey[] = [];
  for (const candidate of candidates) {
    const kids = kidsOf(candidate);
    if (tokenKid === null || tokenKid === '') selected.push({ candidate, reason: 'token-has-no-kid', kid: kids[0] ?? null });
    else if (candidate.givenKid === tokenKid) selected.push({ candidate, reason: 'given-kid', kid: tokenKid });
    else if (candidate.kubernetesKid === tokenKid) selected.push({ candidate, reason: 'kubernetes-kid', kid: tokenKid });
    else if (kids.length === 0) selected.push({ candidate, reason: 'key-has-no-kid', kid: null });
    else notSelected.push(candidate);
  }
  return { tokenKid, selected, notSelected };
}
