import type { CandidateKey } from './candidateKey';

/** Private members a JWK may carry; none of them may ever be stored or exported as public. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/**
 * The public keys among the candidates as a JWKS (the `kid` is the key's own, or its Kubernetes
 * kid). HMAC secrets are left out: they are secret by nature.
 */
export function publicKeySet(candidates: CandidateKey[]): { keys: JsonWebKey[] } {
  const keys = candidates
    .filter((c) => c.kty !== 'oct')
    .map((c) => {
      const jwk: Record<string, unknown> = { ...c.publicJwk };
      for (const m of PRIVATE_MEMBERS) delete jwk[m];
      jwk.kid = c.givenKid ?? c.kubernetesKid ?? undefined;
      return jwk as JsonWebKey;
    });
  return { keys };
}
