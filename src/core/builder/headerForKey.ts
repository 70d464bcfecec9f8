/**
 * Keeps the edited header in step with the key: `alg` becomes one the key can sign, and `kid`
 * defaults to the key's Kubernetes kid (none for an HMAC secret). A kid the user typed is theirs
 * and stays; a kid the builder wrote earlier (`previousAutoKid`) is replaced.
 */
import type { Result } from '../result';
import { rewriteJsonObject } from './rewriteJson';
import { algorithmFor, type SigningKey } from './signingKey';

/** The kid the builder puts in the header for this key. */
export const defaultKidFor = (key: SigningKey): string | null => (key.kind === 'asymmetric' ? key.kubernetesKid : null);

export interface HeaderChange {
  key: SigningKey;
  /** Sets this alg (from the algorithm picker); by default the header's alg if it fits, else the key's first. */
  alg?: string;
  /** The kid the builder wrote last; null if it wrote none. */
  previousAutoKid: string | null;
}

export function applyKeyToHeader(headerText: string, { key, alg, previousAutoKid }: HeaderChange): Result<string> {
  return rewriteJsonObject(headerText, 'header', (header) => {
    header.alg = alg ?? algorithmFor(key, header.alg);
    const userKid = Object.hasOwn(header, 'kid') && header.kid !== previousAutoKid;
    if (!userKid) {
      const kid = defaultKidFor(key);
      if (kid === null) delete header.kid;
      else header.kid = kid;
    }
    return header;
  });
}

/**
 * The alg and kid the exported JWKS (or secret JWK) carries, read from the header being edited so
 * that the key set always matches the token: the header's alg if the key can sign it, and the
 * header's kid if it has a non-empty one — otherwise the key's own default and Kubernetes kid.
 */
export function exportLabelsFor(key: SigningKey, header: Record<string, unknown> | null): { alg: string; kid: string | null } {
  const kid = typeof header?.kid === 'string' && header.kid !== '' ? header.kid : defaultKidFor(key);
  return { alg: algorithmFor(key, header?.alg), kid };
}
