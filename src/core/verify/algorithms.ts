/**
 * The JWS algorithms this tool verifies and which key each one needs. The table is the single
 * place that ties an `alg` to a key type, so algorithm confusion (an RSA key used as an HMAC
 * secret, a P-521 key for ES256) is refused before any crypto runs.
 */
import type { CandidateKey, KeyType } from '../keys/candidateKey';

export interface AlgorithmSpec {
  alg: string;
  kty: KeyType;
  /** Required curve for EC/OKP algorithms. */
  curve?: string;
  /** What a person would call it. */
  name: string;
}

const spec = (alg: string, kty: KeyType, name: string, curve?: string): AlgorithmSpec => ({ alg, kty, name, ...(curve && { curve }) });

export const SUPPORTED_ALGORITHMS: Readonly<Record<string, AlgorithmSpec>> = {
  RS256: spec('RS256', 'RSA', 'RSASSA-PKCS1-v1_5 with SHA-256'),
  RS384: spec('RS384', 'RSA', 'RSASSA-PKCS1-v1_5 with SHA-384'),
  RS512: spec('RS512', 'RSA', 'RSASSA-PKCS1-v1_5 with SHA-512'),
  PS256: spec('PS256', 'RSA', 'RSASSA-PSS with SHA-256'),
  PS384: spec('PS384', 'RSA', 'RSASSA-PSS with SHA-384'),
  PS512: spec('PS512', 'RSA', 'RSASSA-PSS with SHA-512'),
  ES256: spec('ES256', 'EC', 'ECDSA on P-256 with SHA-256', 'P-256'),
  ES384: spec('ES384', 'EC', 'ECDSA on P-384 with SHA-384', 'P-384'),
  ES512: spec('ES512', 'EC', 'ECDSA on P-521 with SHA-512', 'P-521'),
  EdDSA: spec('EdDSA', 'OKP', 'EdDSA (Ed25519)', 'Ed25519'),
  // RFC 9864's fully-specified name for the same thing; jose verifies it identically.
  Ed25519: spec('Ed25519', 'OKP', 'Ed25519', 'Ed25519'),
  HS256: spec('HS256', 'oct', 'HMAC with SHA-256'),
  HS384: spec('HS384', 'oct', 'HMAC with SHA-384'),
  HS512: spec('HS512', 'oct', 'HMAC with SHA-512'),
};

export function algorithmSpec(alg: unknown): AlgorithmSpec | null {
  return typeof alg === 'string' && Object.hasOwn(SUPPORTED_ALGORITHMS, alg) ? (SUPPORTED_ALGORITHMS[alg] ?? null) : null;
}

/** `alg: none` in any spelling: an unsecured JWS, never verified. */
export const isUnsecuredAlgorithm = (alg: unknown): boolean => typeof alg === 'string' && alg.toLowerCase() === 'none';

const KUBERNETES_ALGORITHMS: ReadonlySet<string> = new Set(['RS256', 'ES256', 'ES384', 'ES512']);

/**
 * The only algorithms kube-apiserver signs with (RSA keys → RS256 whatever their size; EC by
 * curve) and the only ones external signers may use (kubernetes/kubernetes pkg/serviceaccount/jwt.go; kubernetes/kubernetes pkg/serviceaccount/externaljwt, v1.36).
 */
export function isKubernetesAlgorithm(alg: unknown): boolean {
  return typeof alg === 'string' && KUBERNETES_ALGORITHMS.has(alg);
}

const KEY_TYPE_NAMES: Record<KeyType, string> = { RSA: 'RSA', EC: 'EC', OKP: 'OKP', oct: 'HMAC secret' };

function keyTypeName(candidate: Pick<CandidateKey, 'kty' | 'curve'>): string {
  if (candidate.kty === 'EC' || candidate.kty === 'OKP') return `${candidate.kty} ${candidate.curve ?? ''}`.trim();
  return KEY_TYPE_NAMES[candidate.kty];
}

export type KeyFit = { fits: true } | { fits: false; unusable: boolean; reason: string };

/** Smallest RSA modulus jose (and RFC 7518 §3.3) accepts for RS256…PS512. */
export const MIN_RSA_BITS = 2048;

/**
 * Can this key verify this algorithm? Checks the key type and curve, then the key's own
 * restrictions (JWK `alg`, `use`, `key_ops`; the RSA-PSS key encoding). `unusable` marks reasons
 * that say nothing about the signature (the key itself cannot be used here).
 */
export function keyFitsAlgorithm(candidate: CandidateKey, algorithm: AlgorithmSpec): KeyFit {
  const no = (reason: string, unusable = false): KeyFit => ({ fits: false, unusable, reason });
  if (candidate.kty !== algorithm.kty) {
    if (algorithm.kty === 'oct') return no(`key type ${keyTypeName(candidate)} cannot verify ${algorithm.alg}: an asymmetric key is never used as an HMAC secret`);
    return no(`key type ${keyTypeName(candidate)} cannot verify ${algorithm.alg}, which needs an ${algorithm.kty}${algorithm.curve ? ` ${algorithm.curve}` : ''} key`);
  }
  if (algorithm.curve && candidate.curve !== algorithm.curve) {
    return no(`key type ${keyTypeName(candidate)} cannot verify ${algorithm.alg}, which needs ${algorithm.kty} ${algorithm.curve}`);
  }
  if (candidate.jwkAlg !== undefined && candidate.jwkAlg !== algorithm.alg) {
    return no(`the key is marked for ${candidate.jwkAlg} (its "alg"), and the token uses ${algorithm.alg}`);
  }
  if (candidate.use !== undefined && candidate.use !== 'sig') return no(`the key's "use" is "${candidate.use}", not "sig"`);
  if (candidate.keyOps !== undefined && !candidate.keyOps.includes('verify')) {
    return no(`the key's "key_ops" (${candidate.keyOps.join(', ') || 'empty'}) do not include "verify"`);
  }
  if (candidate.allowedAlgs && !candidate.allowedAlgs.includes(algorithm.alg)) {
    return no(`${candidate.allowedAlgsReason ?? 'the key is restricted'}; the token uses ${algorithm.alg}`);
  }
  if (candidate.unusableReason) return no(candidate.unusableReason, true);
  if (candidate.kty === 'RSA' && (candidate.sizeBits ?? 0) < MIN_RSA_BITS) {
    return no(
      `the RSA key has ${candidate.sizeBits} bits; ${algorithm.alg} is verified only with keys of ${MIN_RSA_BITS} bits or more (RFC 7518 §3.3, jose). kube-apiserver itself accepts RSA keys from 1024 bits`,
      true,
    );
  }
  if (candidate.kty === 'oct' && !candidate.secret) return no('the HMAC key has no secret bytes', true);
  return { fits: true };
}
