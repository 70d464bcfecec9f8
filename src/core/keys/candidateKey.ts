/**
 * A key the verifier may try, with everything the UI lists about it. Public keys only: private
 * keys arrive here already reduced to their public members, and an HMAC secret is wrapped so that
 * it cannot be printed, serialised or logged by accident.
 */
import { calculateJwkThumbprint } from 'jose';
import { KeyFormatError } from './keyFormatError';
import { kubernetesKidOf } from './kubernetesKid';
import { publicMembers, type PublicKeyFacts } from './publicJwk';

export type KeyType = 'RSA' | 'EC' | 'OKP' | 'oct';

/** HMAC secret bytes. Private field, so JSON, template strings and devtools show no bytes. */
export class SecretKeyMaterial {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.#bytes = bytes.slice();
  }
  get byteLength(): number {
    return this.#bytes.length;
  }
  /** A copy, for the one place that needs the bytes: the HMAC check. */
  bytes(): Uint8Array {
    return this.#bytes.slice();
  }
  toJSON(): string {
    return `[hidden secret, ${this.#bytes.length} bytes]`;
  }
  toString(): string {
    return this.toJSON();
  }
}

export interface CandidateKey {
  /** Stable within one parse: `key-1`, `key-2`, … */
  id: string;
  /** Where it came from: "PEM block 2 (RSA PRIVATE KEY)", "JWKS key 1", "HMAC secret". */
  label: string;
  kty: KeyType;
  sizeBits?: number;
  curve?: string;
  /** base64url(SHA-256(DER SPKI)), the kid kube-apiserver derives; null for secrets. */
  kubernetesKid: string | null;
  /** RFC 7638 SHA-256 thumbprint; null for secrets (it would be a hash of the secret). */
  thumbprint: string | null;
  /** The JWK's own `kid`, when the key came as a JWK that has one. */
  givenKid?: string;
  jwkAlg?: string;
  use?: string;
  keyOps?: string[];
  /** The key was pasted as a private key and reduced to its public part. */
  fromPrivateKey: boolean;
  /** Public members only (plus the JWK's kid/alg/use/key_ops); for `oct` just `{ kty: 'oct' }`. */
  publicJwk: JsonWebKey & { kid?: string };
  /** Set when the key's own encoding limits its algorithms (id-RSASSA-PSS keys). */
  allowedAlgs?: string[];
  allowedAlgsReason?: string;
  /** Present only for `oct`. */
  secret?: SecretKeyMaterial;
  /** Set when this browser cannot use the key (e.g. no Ed25519 support): listed, not usable. */
  unusableReason?: string;
  notes: string[];
}

export interface CandidateMeta {
  id: string;
  label: string;
  fromPrivateKey: boolean;
  givenKid?: string;
  jwkAlg?: string;
  use?: string;
  keyOps?: string[];
  notes?: string[];
}

function probeAlgorithm(facts: PublicKeyFacts): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  switch (facts.jwk.kty) {
    case 'RSA':
      return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    case 'EC':
      return { name: 'ECDSA', namedCurve: facts.jwk.crv };
    case 'OKP':
      return { name: 'Ed25519' };
  }
}

/**
 * Imports the key once so a malformed one (an EC point off its curve) is reported now, in the key
 * list, rather than as a puzzling verification failure later.
 */
async function probeImport(facts: PublicKeyFacts): Promise<string | null> {
  try {
    await globalThis.crypto.subtle.importKey('jwk', { ...facts.jwk }, probeAlgorithm(facts), false, ['verify']);
    return null;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'NotSupportedError') return `this browser cannot use ${facts.curve ?? facts.jwk.kty} keys`;
    throw new KeyFormatError(`the browser's crypto refused it as a public key${facts.curve ? ` on ${facts.curve}` : ''} (${error instanceof Error ? error.message : String(error)})`);
  }
}

function metaMembers(meta: CandidateMeta): JsonWebKey & { kid?: string } {
  const extra: JsonWebKey & { kid?: string } = {};
  if (meta.givenKid !== undefined) extra.kid = meta.givenKid;
  if (meta.jwkAlg !== undefined) extra.alg = meta.jwkAlg;
  if (meta.use !== undefined) extra.use = meta.use;
  if (meta.keyOps !== undefined) extra.key_ops = [...meta.keyOps];
  return extra;
}

function optionalMeta(meta: CandidateMeta): Pick<CandidateKey, 'givenKid' | 'jwkAlg' | 'use' | 'keyOps'> {
  return {
    ...(meta.givenKid !== undefined && { givenKid: meta.givenKid }),
    ...(meta.jwkAlg !== undefined && { jwkAlg: meta.jwkAlg }),
    ...(meta.use !== undefined && { use: meta.use }),
    ...(meta.keyOps !== undefined && { keyOps: [...meta.keyOps] }),
  };
}

export async function publicCandidate(facts: PublicKeyFacts, meta: CandidateMeta): Promise<CandidateKey> {
  const jwk = publicMembers(facts.jwk);
  const unusableReason = await probeImport(facts);
  const candidate: CandidateKey = {
    id: meta.id,
    label: meta.label,
    kty: jwk.kty,
    sizeBits: facts.sizeBits,
    kubernetesKid: await kubernetesKidOf(jwk),
    thumbprint: await calculateJwkThumbprint({ ...jwk }, 'sha256'),
    ...optionalMeta(meta),
    fromPrivateKey: meta.fromPrivateKey,
    publicJwk: { ...jwk, ...metaMembers(meta) },
    notes: [...facts.notes, ...(meta.notes ?? [])],
  };
  if (facts.curve) candidate.curve = facts.curve;
  if (facts.restriction) {
    candidate.allowedAlgs = [...facts.restriction.algs];
    candidate.allowedAlgsReason = facts.restriction.reason;
  }
  if (unusableReason) candidate.unusableReason = unusableReason;
  return candidate;
}

export function secretCandidate(bytes: Uint8Array, meta: CandidateMeta): CandidateKey {
  return {
    id: meta.id,
    label: meta.label,
    kty: 'oct',
    sizeBits: bytes.length * 8,
    kubernetesKid: null,
    thumbprint: null,
    ...optionalMeta(meta),
    fromPrivateKey: false,
    publicJwk: { kty: 'oct', ...metaMembers(meta) },
    secret: new SecretKeyMaterial(bytes),
    notes: [...(meta.notes ?? [])],
  };
}

/** "RSA 2048-bit", "EC P-256", "Ed25519", "HMAC secret, 256 bits". */
export function describeKeyShape(candidate: Pick<CandidateKey, 'kty' | 'sizeBits' | 'curve'>): string {
  switch (candidate.kty) {
    case 'RSA':
      return `RSA ${candidate.sizeBits ?? '?'}-bit`;
    case 'EC':
      return `EC ${candidate.curve ?? ''}`.trim();
    case 'OKP':
      return candidate.curve ?? 'OKP';
    case 'oct':
      return `HMAC secret, ${candidate.sizeBits ?? 0} bits`;
  }
}
