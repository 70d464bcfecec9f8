/**
 * A key the builder signs with, and which JWS algorithms it may sign. Private material sits
 * behind private class fields, so printing, serialising or logging a key shows no secret bytes;
 * it comes out only through the export functions a user asks for explicitly.
 */
import type { Problem } from '../result';
import { algorithmSpec, isUnsecuredAlgorithm, MIN_RSA_BITS, SUPPORTED_ALGORITHMS, type AlgorithmSpec } from '../verify/algorithms';
import type { PublicJwk } from '../keys/publicJwk';
import { SecretKeyMaterial } from '../keys/candidateKey';
export { SecretKeyMaterial };

/** A private JWK's members (RSA, EC or OKP), without alg/use/key_ops so one key can sign with several algorithms. */
export type PrivateJwk = JsonWebKey & { kty: 'RSA' | 'EC' | 'OKP'; d: string };

export class PrivateKeyMaterial {
  readonly #jwk: PrivateJwk;
  constructor(jwk: PrivateJwk) {
    this.#jwk = Object.freeze({ ...jwk });
  }
  /** The private JWK, for signing and for an export the user asked for. */
  jwk(): PrivateJwk {
    return this.#jwk;
  }
  toJSON(): string {
    return '[hidden private key]';
  }
  toString(): string {
    return this.toJSON();
  }
}

interface KeyBase {
  /** "RSA 2048-bit", "EC P-256", "Ed25519", "HMAC secret (32 bytes)". */
  description: string;
  /** Where it came from: "generated in this browser", "pasted PKCS#1 RSA PRIVATE KEY". */
  source: string;
  /** Algorithms this key may sign, best first (the first is the default). */
  algorithms: string[];
  /** Why some algorithms a key of this type could sign are excluded (PSS-only key, JWK alg). */
  restriction: string | null;
  notes: string[];
}

export interface AsymmetricSigningKey extends KeyBase {
  kind: 'asymmetric';
  kty: 'RSA' | 'EC' | 'OKP';
  sizeBits: number;
  curve: string | null;
  publicJwk: PublicJwk;
  /** base64url(SHA-256(DER SPKI)): the kid kube-apiserver gives this key (kubernetes/kubernetes pkg/serviceaccount/jwt.go keyIDFromPublicKey, v1.36). */
  kubernetesKid: string;
  privateKey: PrivateKeyMaterial;
}

export interface SecretSigningKey extends KeyBase {
  kind: 'secret';
  kty: 'oct';
  secret: SecretKeyMaterial;
}

export type SigningKey = AsymmetricSigningKey | SecretSigningKey;

/** RFC 7518 §3.2: an HMAC key at least as long as the hash output. */
export const HMAC_MIN_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/** Every algorithm a key of this type and curve could sign, in the order offered to the user. */
export function algorithmsForKeyType(kty: SigningKey['kty'], curve: string | null): string[] {
  switch (kty) {
    case 'RSA':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'EC':
      return Object.values(SUPPORTED_ALGORITHMS)
        .filter((a) => a.kty === 'EC' && a.curve === curve)
        .map((a) => a.alg);
    case 'OKP':
      return ['EdDSA', 'Ed25519'];
    case 'oct':
      return ['HS256', 'HS384', 'HS512'];
  }
}

/** HMAC: the strongest hash the secret is long enough for comes first, so a 64-byte secret defaults to HS512. */
export function algorithmsForSecret(byteLength: number): string[] {
  return ['HS512', 'HS384', 'HS256'].filter((alg) => byteLength >= (HMAC_MIN_BYTES[alg] as number));
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

function needs(spec: AlgorithmSpec): string {
  if (spec.kty === 'oct') return 'an HMAC secret';
  if (spec.kty === 'OKP') return 'an Ed25519 key';
  const what = `${spec.kty}${spec.curve ? ` ${spec.curve}` : ''}`;
  return `${article(what)} ${what} key`;
}

/**
 * Can this key sign with this `alg`? Refuses, with a sentence saying what would fit, every
 * algorithm confusion: wrong key type or curve, an asymmetric key as an HMAC secret, a secret too
 * short for its hash, a key whose own encoding or JWK limits it.
 */
export function checkAlgorithmForKey(alg: unknown, key: SigningKey): { ok: true; spec: AlgorithmSpec } | { ok: false; error: Problem } {
  const refuse = (code: string, message: string) => ({ ok: false as const, error: { code, message, segment: 'header' as const } });
  const offer = key.algorithms.length ? ` This key signs ${key.algorithms.join(', ')}.` : '';
  if (alg === undefined) return refuse('no-alg', `The header has no "alg"; set it to the algorithm to sign with.${offer}`);
  if (typeof alg !== 'string') return refuse('bad-alg', `The header's "alg" must be a string, not ${JSON.stringify(alg)}.${offer}`);
  if (isUnsecuredAlgorithm(alg)) return refuse('alg-none', `"alg": "${alg}" means an unsecured token with no signature; the builder signs tokens, and verifiers must refuse "none".${offer}`);
  const spec = algorithmSpec(alg);
  if (!spec) return refuse('alg-unsupported', `"${alg}" is not a JWS algorithm this tool signs with (RS/PS/ES 256/384/512, EdDSA, HS256/384/512).${offer}`);
  const keyKind = key.description;
  if (spec.kty !== key.kty) {
    const why = spec.kty === 'oct' ? ': an asymmetric key is never used as an HMAC secret (algorithm confusion)' : key.kty === 'oct' ? ': an HMAC secret cannot make a public-key signature' : '';
    return refuse('alg-key-mismatch', `${alg} needs ${needs(spec)}, and the key is ${keyKind}${why}.${offer}`);
  }
  if (key.kind === 'asymmetric' && spec.curve && spec.curve !== key.curve) {
    return refuse('alg-curve-mismatch', `${alg} needs ${needs(spec)}, and the key is ${keyKind}.${offer}`);
  }
  if (key.kind === 'secret') {
    const min = HMAC_MIN_BYTES[alg] ?? 0;
    if (key.secret.byteLength < min) {
      return refuse('secret-too-short', `${alg} needs a secret of at least ${min} bytes (RFC 7518 §3.2), and this one has ${key.secret.byteLength}.${offer}`);
    }
  }
  if (key.kind === 'asymmetric' && key.kty === 'RSA' && key.sizeBits < MIN_RSA_BITS) {
    return refuse('key-too-small', `${alg} needs an RSA key of at least ${MIN_RSA_BITS} bits (RFC 7518 §3.3), and this one has ${key.sizeBits}.`);
  }
  if (!key.algorithms.includes(alg)) {
    return refuse('key-restricted', `This key may not sign ${alg}: ${key.restriction ?? 'it is restricted to other algorithms'}.${offer}`);
  }
  return { ok: true, spec };
}

/** The algorithm to put in the header for this key: the current one if it fits, else the key's default. */
export function algorithmFor(key: SigningKey, current: unknown): string {
  return typeof current === 'string' && checkAlgorithmForKey(current, key).ok ? current : (key.algorithms[0] as string);
}
