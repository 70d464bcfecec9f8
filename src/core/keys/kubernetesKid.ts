/**
 * The kid kube-apiserver gives a key (k/k pkg/serviceaccount/jwt.go keyIDFromPublicKey, since
 * v1.16): base64url without padding of SHA-256 over the DER SubjectPublicKeyInfo that Go's
 * x509.MarshalPKIXPublicKey writes (kubernetes/kubernetes pkg/serviceaccount/jwt.go keyIDFromPublicKey, v1.36). It is not the RFC 7638 thumbprint.
 */
import { base64url } from 'jose';
import type { PublicJwk } from './publicJwk';
import { encodeSpki } from './spki';

export async function kubernetesKidOf(jwk: PublicJwk): Promise<string> {
  // Hash the canonical re-encoding, not the pasted bytes: Go re-marshals the parsed key too, so a
  // key pasted as PKCS#1, a certificate or a JWK gets the same kid as its SPKI PEM.
  const spki = encodeSpki(jwk);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', spki as Uint8Array<ArrayBuffer>);
  return base64url.encode(new Uint8Array(digest));
}
