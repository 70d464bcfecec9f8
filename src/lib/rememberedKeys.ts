/**
 * The one opt-in storage of key material: public keys only, as a JWKS, in localStorage. Secrets
 * (HMAC) and private keys are never written; a private key is stored as its public part.
 */
const KEY = 'sa-token-inspector:public-keys';

export function readRememberedKeys(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberPublicKeys(jwks: { keys: JsonWebKey[] } | null): void {
  try {
    if (!jwks || jwks.keys.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(jwks, null, 2));
  } catch {
    // Storage may be off (file://, private mode); remembering is then simply not possible.
  }
}

export function forgetRememberedKeys(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
