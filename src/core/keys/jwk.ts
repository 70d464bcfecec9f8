/**
 * One JWK (RFC 7517) → a public key or an HMAC secret. Private members are recognised and dropped
 * (the public members of RSA, EC and OKP private JWKs are required by RFC 7518 / RFC 8037, so no
 * crypto is needed to reduce them).
 */
import { base64url } from 'jose';
import { KeyFormatError } from './keyFormatError';
import { curveByName } from './oids';
import { factsFromPublicJwk, type PublicKeyFacts } from './publicJwk';

export interface JwkMeta {
  givenKid?: string;
  alg?: string;
  use?: string;
  keyOps?: string[];
  notes: string[];
}

export type JwkReading =
  | { kind: 'public'; facts: PublicKeyFacts; fromPrivateKey: boolean; meta: JwkMeta }
  | { kind: 'secret'; bytes: Uint8Array; meta: JwkMeta };

const PRIVATE_MEMBERS: Record<string, string[]> = {
  RSA: ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'],
  EC: ['d'],
  OKP: ['d'],
};

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function member(jwk: Record<string, unknown>, name: string, kty: string): string {
  const value = jwk[name];
  if (value === undefined) throw new KeyFormatError(`a ${kty} JWK needs "${name}", and this one has none`);
  if (typeof value !== 'string') throw new KeyFormatError(`"${name}" must be a base64url string, not ${value === null ? 'null' : typeof value}`);
  if (value.length === 0) throw new KeyFormatError(`"${name}" is empty`);
  if (!BASE64URL.test(value)) {
    const bad = [...value].find((ch) => !/[A-Za-z0-9_-]/.test(ch)) ?? '';
    throw new KeyFormatError(`"${name}" is not base64url: it has "${bad}"${bad === '=' ? ' (JWK members are unpadded)' : bad === '+' || bad === '/' ? ' (that is standard base64; JWK uses "-" and "_")' : ''}`);
  }
  if (value.length % 4 === 1) throw new KeyFormatError(`"${name}" has ${value.length} base64url characters, which cannot be decoded (cut off?)`);
  return value;
}

function readMeta(jwk: Record<string, unknown>): JwkMeta {
  const meta: JwkMeta = { notes: [] };
  if (typeof jwk.kid === 'string') meta.givenKid = jwk.kid;
  else if (jwk.kid !== undefined) meta.notes.push('Its "kid" is not a string and is ignored.');
  if (typeof jwk.alg === 'string') meta.alg = jwk.alg;
  else if (jwk.alg !== undefined) throw new KeyFormatError('"alg" must be a string');
  if (typeof jwk.use === 'string') meta.use = jwk.use;
  else if (jwk.use !== undefined) throw new KeyFormatError('"use" must be a string');
  if (Array.isArray(jwk.key_ops) && jwk.key_ops.every((op) => typeof op === 'string')) meta.keyOps = [...(jwk.key_ops as string[])];
  else if (jwk.key_ops !== undefined) throw new KeyFormatError('"key_ops" must be an array of strings');
  if (jwk.x5c !== undefined || jwk.x5u !== undefined) meta.notes.push('Its certificate members (x5c/x5u) are ignored; the key members are used.');
  return meta;
}

export function readJwk(value: unknown): JwkReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KeyFormatError('it is not a JSON object');
  const jwk = value as Record<string, unknown>;
  const kty = jwk.kty;
  if (typeof kty !== 'string') throw new KeyFormatError(kty === undefined ? 'it has no "kty" (key type)' : '"kty" must be a string');
  const meta = readMeta(jwk);
  const privateMembers = Object.hasOwn(PRIVATE_MEMBERS, kty) ? (PRIVATE_MEMBERS[kty] ?? []) : [];
  const fromPrivateKey = privateMembers.some((name) => jwk[name] !== undefined);

  switch (kty) {
    case 'RSA':
      return { kind: 'public', fromPrivateKey, meta, facts: factsFromPublicJwk({ kty, n: member(jwk, 'n', kty), e: member(jwk, 'e', kty) }) };
    case 'EC': {
      const curve = curveByName(jwk.crv);
      if (!curve) throw new KeyFormatError(`its curve ${JSON.stringify(jwk.crv ?? null)} is not supported; JWS uses P-256, P-384 and P-521`);
      return { kind: 'public', fromPrivateKey, meta, facts: factsFromPublicJwk({ kty, crv: curve.name, x: member(jwk, 'x', kty), y: member(jwk, 'y', kty) }) };
    }
    case 'OKP':
      if (jwk.crv !== 'Ed25519') throw new KeyFormatError(`its curve ${JSON.stringify(jwk.crv ?? null)} cannot verify a JWS here; only Ed25519 is supported`);
      return { kind: 'public', fromPrivateKey, meta, facts: factsFromPublicJwk({ kty, crv: 'Ed25519', x: member(jwk, 'x', kty) }) };
    case 'oct':
      return { kind: 'secret', meta, bytes: base64url.decode(member(jwk, 'k', kty)) };
    default:
      throw new KeyFormatError(`its key type "${kty}" is not supported (RSA, EC, OKP and oct are)`);
  }
}
