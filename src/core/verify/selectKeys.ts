/**
 * Two different questions about a token's `kid`.
 *
 * 1. Which supplied keys does a JOSE verifier try? (RFC 7515 §4.1.4; as panva/jose's local JWKS
 *    selection does.) A key that declares a kid (a JWK with `kid`) is tried only for a token with
 *    that kid. A key that declares none (a PEM, a certificate, a JWK without `kid`, a bare HMAC
 *    secret) cannot be ruled out by the kid, so it is tried, as jwt.io and every RFC 7515/7520
 *    example expect. An empty or missing token kid tries every key.
 *
 * 2. Would kube-apiserver select the key? It never reads a JWK's kid: it derives each key's kid
 *    from the key (base64url SHA-256 of the DER SubjectPublicKeyInfo) and, from 1.31, tries only
 *    the keys whose derived kid equals a non-empty token kid (kubernetes/kubernetes
 *    pkg/serviceaccount/jwt.go @ 9d38f210, PR #125177); through 1.30 it tried every key.
 */
import type { CandidateKey } from '../keys/candidateKey';

export type KidMatchReason =
  /** The token has no kid or an empty one: every key is tried. */
  | 'token-has-no-kid'
  /** The key declares the token's kid. */
  | 'given-kid'
  /** The key declares no kid (PEM, certificate, JWK without kid, secret), so nothing rules it out. */
  | 'key-declares-no-kid';

export interface SelectedKey {
  candidate: CandidateKey;
  reason: KidMatchReason;
  /** The key's own kid (see `ownKid`), for display. */
  kid: string | null;
}

export interface KeySelection {
  tokenKid: string | null;
  selected: SelectedKey[];
  /** Keys that declare a kid other than the token's. */
  notSelected: CandidateKey[];
}

/** The kids a key answers to in listings: its JWK kid first, then its Kubernetes-derived kid. */
export function kidsOf(candidate: CandidateKey): string[] {
  const kids = [candidate.givenKid, candidate.kubernetesKid].filter((k): k is string => typeof k === 'string' && k !== '');
  return [...new Set(kids)];
}

/** The kid shown for a key: the one it declares (JWK kid), else the one Kubernetes derives from it. */
export function ownKid(candidate: CandidateKey): string | null {
  return candidate.givenKid ?? candidate.kubernetesKid ?? null;
}

/** JOSE key selection (question 1). */
export function selectKeysByKid(tokenKid: string | null, candidates: CandidateKey[]): KeySelection {
  const selected: SelectedKey[] = [];
  const notSelected: CandidateKey[] = [];
  for (const candidate of candidates) {
    const kid = ownKid(candidate);
    if (tokenKid === null || tokenKid === '') selected.push({ candidate, reason: 'token-has-no-kid', kid });
    else if (candidate.givenKid === undefined) selected.push({ candidate, reason: 'key-declares-no-kid', kid });
    else if (candidate.givenKid === tokenKid) selected.push({ candidate, reason: 'given-kid', kid });
    else notSelected.push(candidate);
  }
  return { tokenKid, selected, notSelected };
}

export interface KubernetesKeySelection {
  /** base64url SHA-256 of the key's DER SubjectPublicKeyInfo, as kube-apiserver computes it. */
  derivedKid: string;
  tokenKid: string | null;
  /** kube-apiserver 1.31 and later try this key for this token: its kid is empty or equals derivedKid. */
  selects: boolean;
}

/** kube-apiserver's key selection (question 2); null for a key it cannot hold (an HMAC secret). */
export function kubernetesKeySelection(tokenKid: string | null, candidate: CandidateKey): KubernetesKeySelection | null {
  if (candidate.kubernetesKid === null) return null;
  const selects = tokenKid === null || tokenKid === '' || tokenKid === candidate.kubernetesKid;
  return { derivedKid: candidate.kubernetesKid, tokenKid, selects };
}
