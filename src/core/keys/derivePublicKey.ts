/**
 * Private key → public key through WebCrypto, for the key types whose public half is not written
 * inside the private structure in a form this tool may trust (EC: Go recomputes it from the
 * scalar; Ed25519: PKCS#8 usually holds only the seed). The private CryptoKey lives only inside
 * this function; only public JWK members leave it.
 */
import { KeyFormatError } from './keyFormatError';
import { factsFromPublicJwk, type PublicKeyFacts } from './publicJwk';
import type { CurveInfo } from './oids';

export type DerivableKey = { kind: 'ec'; curve: CurveInfo } | { kind: 'ed25519' };

export async function derivePublicKeyFromPkcs8(pkcs8: Uint8Array, key: DerivableKey): Promise<PublicKeyFacts> {
  const algorithm = key.kind === 'ec' ? { name: 'ECDSA', namedCurve: key.curve.name } : { name: 'Ed25519' };
  // Extractable only so that exportKey can return the public members; the object is dropped here.
  const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, algorithm, true, ['sign']);
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', privateKey);
  if (key.kind === 'ec') {
    if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new KeyFormatError('the browser did not return its public point');
    return factsFromPublicJwk({ kty: 'EC', crv: key.curve.name, x: jwk.x, y: jwk.y });
  }
  if (typeof jwk.x !== 'string') throw new KeyFormatError('the browser did not return its public key');
  return factsFromPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: jwk.x });
}
