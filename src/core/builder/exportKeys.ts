/**
 * What the builder shows of a key: the public key as an SPKI PEM and as a JWKS shaped like
 * kube-apiserver's /openid/v1/jwks (members use, kty, kid, [crv], alg, then the key, as
 * kubernetes/kubernetes pkg/serviceaccount/jwt.go, v1.36, writes them); and — only when the user asks — the private key as PKCS#8 PEM or JWK, or the HMAC secret.
 */
import { base64url } from 'jose';
import { describeKeyError } from '../keys/keyFormatError';
import { encodeSpki } from '../keys/spki';
import { fail, ok, type Result } from '../result';
import { derToPem } from './pemText';
import type { AsymmetricSigningKey, SecretSigningKey } from './signingKey';

export interface KeyLabels {
  /** The algorithm the JWK is published for. */
  alg: string;
  kid: string;
}

export function publicKeyPem(key: AsymmetricSigningKey): string {
  return derToPem('PUBLIC KEY', encodeSpki(key.publicJwk));
}

/** One JWK in kube-apiserver's member order. */
export function publicJwkEntry(key: AsymmetricSigningKey, { alg, kid }: KeyLabels): Record<string, string> {
  const jwk = key.publicJwk;
  switch (jwk.kty) {
    case 'RSA':
      return { use: 'sig', kty: 'RSA', kid, alg, n: jwk.n, e: jwk.e };
    case 'EC':
      return { use: 'sig', kty: 'EC', kid, crv: jwk.crv, alg, x: jwk.x, y: jwk.y };
    case 'OKP':
      return { use: 'sig', kty: 'OKP', kid, crv: jwk.crv, alg, x: jwk.x };
  }
}

export function publicJwks(key: AsymmetricSigningKey, labels: KeyLabels): { keys: Record<string, string>[] } {
  return { keys: [publicJwkEntry(key, labels)] };
}

/** The text shown and handed to the decoder: indented for reading; any JWKS reader takes it. */
export function publicJwksText(key: AsymmetricSigningKey, labels: KeyLabels): string {
  return JSON.stringify(publicJwks(key, labels), null, 2);
}

/** The private JWK with kid and alg, as a JWK file would hold it. */
export function privateJwkText(key: AsymmetricSigningKey, labels: KeyLabels): string {
  const { kty, ...rest } = key.privateKey.jwk();
  return JSON.stringify({ kty, kid: labels.kid, use: 'sig', alg: labels.alg, ...rest }, null, 2);
}

const IMPORT_PARAMS: Record<AsymmetricSigningKey['kty'], (key: AsymmetricSigningKey) => RsaHashedImportParams | EcKeyImportParams | Algorithm> = {
  RSA: () => ({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }),
  EC: (key) => ({ name: 'ECDSA', namedCurve: key.curve ?? '' }),
  OKP: () => ({ name: 'Ed25519' }),
};

/** PKCS#8 `PRIVATE KEY` PEM (what `openssl pkey` writes), made by WebCrypto from the private JWK. */
export async function privateKeyPkcs8Pem(key: AsymmetricSigningKey): Promise<Result<string>> {
  try {
    const cryptoKey = await globalThis.crypto.subtle.importKey('jwk', { ...key.privateKey.jwk() }, IMPORT_PARAMS[key.kty](key), true, ['sign']);
    const der = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', cryptoKey));
    return ok(derToPem('PRIVATE KEY', der));
  } catch (error) {
    return fail({ code: 'export-failed', message: `The browser could not export the private key: ${describeKeyError(error)}.` });
  }
}

/** The HMAC secret as an oct JWK: the form the decoder's key field (and most JWT libraries) read. */
export function secretJwkText(key: SecretSigningKey, labels: { alg: string; kid: string | null }): string {
  return JSON.stringify({ kty: 'oct', ...(labels.kid !== null && { kid: labels.kid }), alg: labels.alg, k: base64url.encode(key.secret.bytes()) }, null, 2);
}
