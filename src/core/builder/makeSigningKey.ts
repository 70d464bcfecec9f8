/**
 * Private JWK or secret bytes → a SigningKey with its public part, its Kubernetes kid and the
 * algorithms it may sign. Shared by key generation and key paste, so both describe keys alike.
 */
import { KeyFormatError } from '../keys/keyFormatError';
import { kubernetesKidOf } from '../keys/kubernetesKid';
import { factsFromPublicJwk, type PublicJwk } from '../keys/publicJwk';
import { curveByName } from '../keys/oids';
import { MIN_RSA_BITS } from '../verify/algorithms';
import {
  PrivateKeyMaterial,
  SecretKeyMaterial,
  algorithmsForKeyType,
  algorithmsForSecret,
  type AsymmetricSigningKey,
  type PrivateJwk,
  type SecretSigningKey,
} from './signingKey';

export interface KeyOrigin {
  source: string;
  /** Only these algorithms (an id-RSASSA-PSS key, a JWK with its own "alg"), and why. */
  restrictTo?: { algs: string[]; reason: string };
  notes?: string[];
}

const MEMBERS = {
  RSA: ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'],
  EC: ['crv', 'x', 'y', 'd'],
  OKP: ['crv', 'x', 'd'],
} as const;

const str = (jwk: JsonWebKey, name: string): string => {
  const value = (jwk as Record<string, unknown>)[name];
  if (typeof value !== 'string' || value === '') throw new KeyFormatError(`its "${name}" member is missing`);
  return value;
};

function publicPart(jwk: JsonWebKey): PublicJwk {
  switch (jwk.kty) {
    case 'RSA':
      return { kty: 'RSA', n: str(jwk, 'n'), e: str(jwk, 'e') };
    case 'EC': {
      const curve = curveByName(jwk.crv);
      if (!curve) throw new KeyFormatError(`its curve ${JSON.stringify(jwk.crv ?? null)} is not one JWS uses (P-256, P-384, P-521)`);
      return { kty: 'EC', crv: curve.name, x: str(jwk, 'x'), y: str(jwk, 'y') };
    }
    case 'OKP':
      if (jwk.crv !== 'Ed25519') throw new KeyFormatError(`its curve ${JSON.stringify(jwk.crv ?? null)} cannot sign a JWS here; only Ed25519 can`);
      return { kty: 'OKP', crv: 'Ed25519', x: str(jwk, 'x') };
    default:
      throw new KeyFormatError(`its key type ${JSON.stringify(jwk.kty ?? null)} is not an asymmetric signing key (RSA, EC, OKP)`);
  }
}

function describeAsymmetric(kty: PublicJwk['kty'], sizeBits: number, curve: string | null): string {
  if (kty === 'RSA') return `RSA ${sizeBits}-bit`;
  if (kty === 'EC') return `EC ${curve}`;
  return 'Ed25519';
}

/** A private JWK (as WebCrypto exports it, or as pasted) → a signing key. Throws KeyFormatError on bad keys. */
export async function asymmetricSigningKey(jwk: JsonWebKey, origin: KeyOrigin): Promise<AsymmetricSigningKey> {
  const publicJwk = publicPart(jwk);
  const facts = factsFromPublicJwk(publicJwk);
  str(jwk, 'd');
  if (publicJwk.kty === 'RSA' && facts.sizeBits < MIN_RSA_BITS) {
    throw new KeyFormatError(`it is an RSA key of ${facts.sizeBits} bits; JWS signatures need ${MIN_RSA_BITS} bits or more (RFC 7518 §3.3)`);
  }
  // Only the key members travel on: alg, use and key_ops would pin the key to one algorithm in jose.
  const members: Record<string, string> = { kty: publicJwk.kty };
  for (const name of MEMBERS[publicJwk.kty]) {
    const value = (jwk as Record<string, unknown>)[name];
    if (typeof value === 'string') members[name] = value;
  }
  const curve = facts.curve ?? null;
  const all = algorithmsForKeyType(publicJwk.kty, curve);
  const algorithms = origin.restrictTo ? all.filter((alg) => origin.restrictTo?.algs.includes(alg)) : all;
  if (algorithms.length === 0) throw new KeyFormatError(`${origin.restrictTo?.reason ?? 'it is restricted'}, so it can sign no JWS algorithm`);
  return {
    kind: 'asymmetric',
    kty: publicJwk.kty,
    sizeBits: facts.sizeBits,
    curve,
    description: describeAsymmetric(publicJwk.kty, facts.sizeBits, curve),
    source: origin.source,
    algorithms,
    restriction: origin.restrictTo?.reason ?? null,
    notes: [...facts.notes, ...(origin.notes ?? [])],
    publicJwk: facts.jwk,
    kubernetesKid: await kubernetesKidOf(facts.jwk),
    privateKey: new PrivateKeyMaterial(members as unknown as PrivateJwk),
  };
}

/** The shortest secret accepted: HS256 needs 32 bytes (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32;

/** Secret bytes → an HMAC signing key. Throws KeyFormatError when the secret is too short for any HS algorithm. */
export function secretSigningKey(bytes: Uint8Array, origin: KeyOrigin): SecretSigningKey {
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new KeyFormatError(`the secret has ${bytes.length} bytes; HMAC signing needs at least ${MIN_SECRET_BYTES} (HS256), 48 (HS384) or 64 (HS512) bytes (RFC 7518 §3.2)`);
  }
  const fitting = algorithmsForSecret(bytes.length);
  const algorithms = origin.restrictTo ? fitting.filter((alg) => origin.restrictTo?.algs.includes(alg)) : fitting;
  if (algorithms.length === 0) throw new KeyFormatError(`${origin.restrictTo?.reason ?? 'it is restricted'}, and the secret is too short for that algorithm`);
  return {
    kind: 'secret',
    kty: 'oct',
    description: `HMAC secret (${bytes.length} bytes)`,
    source: origin.source,
    algorithms,
    restriction: origin.restrictTo?.reason ?? null,
    notes: [...(origin.notes ?? []), 'Kubernetes never signs with HMAC: a token signed with a secret is for testing other verifiers.'],
    secret: new SecretKeyMaterial(bytes),
  };
}
